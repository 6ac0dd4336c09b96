package io.wecomsync.mdm.crm;

import io.wecomsync.mdm.outbox.OutboxTarget;
import org.springframework.stereotype.Component;

/** The CRM as an outbox target: every committed user change is POSTed to {@code mdm.crm.base-url + path}. */
@Component
class CrmTarget implements OutboxTarget {

    private final CrmClient crm;

    CrmTarget(CrmClient crm) {
        this.crm = crm;
    }

    @Override
    public String name() {
        return "crm";
    }

    @Override
    public boolean enabled() {
        return crm.isConfigured();
    }

    @Override
    public Delivery deliver(byte[] json, String idempotencyKey) {
        CrmClient.Outcome outcome = crm.push(json, idempotencyKey);
        return new Delivery(outcome.success(), outcome.httpStatus(), outcome.detail());
    }
}
