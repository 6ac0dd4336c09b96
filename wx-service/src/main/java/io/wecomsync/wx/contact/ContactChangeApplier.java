package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.UserBatchUpsertRequest;
import io.wecomsync.wx.change.ChangeType;
import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.inbox.InboxEventHandler;
import io.wecomsync.wx.mdm.MdmUnavailableException;
import io.wecomsync.wx.xml.SafeXml;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact feature's inbox handler: WeCom's {@code change_contact} events (by ChangeType) and
 * {@code crm_push} events left from older versions. A stored message that cannot be parsed is DEAD;
 * a ChangeType we do not apply is IGNORED; failures are translated by the inbox's router.
 */
@Component
class ContactChangeApplier implements InboxEventHandler {

    private final UserChangeHandler users;
    private final DepartmentChangeHandler departments;
    private final TagChangeHandler tags;
    private final CrmPushHandler crm;

    ContactChangeApplier(UserChangeHandler users, DepartmentChangeHandler departments, TagChangeHandler tags,
                         CrmPushHandler crm) {
        this.users = users;
        this.departments = departments;
        this.tags = tags;
        this.crm = crm;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ChangeType.CHANGE_CONTACT, CrmPushHandler.EVENT_TYPE);
    }

    @Override
    public HandlerOutcome handle(InboxEvent event) {
        ContactMessage message;
        try {
            message = ContactMessage.of(event);
        } catch (SafeXml.MalformedXmlException e) {
            return new HandlerOutcome.Dead("stored message is unreadable: " + e.getMessage());
        }
        return route(event, message);
    }

    /**
     * User upserts that need nothing but the write go to mdm-service as one call per corp; everything
     * else is left to {@link #handle}. An unavailable mdm-service makes them all wait.
     */
    @Override
    public Map<Long, HandlerOutcome> handleTogether(List<InboxEvent> events) {
        Map<String, Map<Long, UserBatchUpsertRequest.Item>> byCorp = new LinkedHashMap<>();
        for (InboxEvent event : events) {
            ChangeType change = ChangeType.of(event.changeType()).orElse(null);
            if (!ChangeType.CHANGE_CONTACT.equals(event.eventType())
                    || (change != ChangeType.CREATE_USER && change != ChangeType.UPDATE_USER)) {
                continue;
            }
            ContactMessage message;
            try {
                message = ContactMessage.of(event);
            } catch (SafeXml.MalformedXmlException | IllegalArgumentException e) {
                continue; // handle() gives it its verdict
            }
            Optional<UserBatchUpsertRequest.Item> item;
            try {
                item = users.batchItem(event, message);
            } catch (IllegalArgumentException e) {
                continue;
            }
            item.ifPresent(request -> byCorp.computeIfAbsent(event.corpId(), corp -> new LinkedHashMap<>()).put(event.id(), request));
        }
        Map<Long, HandlerOutcome> outcomes = new HashMap<>();
        byCorp.forEach((corp, items) -> {
            if (items.size() < 2) {
                return; // one alone goes the usual way
            }
            try {
                outcomes.putAll(users.upsertAll(corp, items));
            } catch (MdmUnavailableException e) {
                items.keySet().forEach(id -> outcomes.put(id, new HandlerOutcome.Wait(e.getMessage())));
            }
        });
        return outcomes;
    }

    private HandlerOutcome route(InboxEvent event, ContactMessage message) {
        if (CrmPushHandler.EVENT_TYPE.equals(event.eventType())) {
            return crm.push(event, message);
        }
        ChangeType change = ChangeType.of(event.changeType()).orElse(null);
        if (change == null) {
            return new HandlerOutcome.Ignored("ChangeType '" + event.changeType() + "' is not applied");
        }
        return switch (change) {
            case CREATE_USER, UPDATE_USER -> users.upsert(event, message);
            case DELETE_USER -> users.delete(event, message);
            case CREATE_PARTY, UPDATE_PARTY -> departments.upsert(event, message);
            case DELETE_PARTY -> departments.delete(event, message);
            case UPDATE_TAG -> tags.update(event, message);
            case DELETE_TAG -> tags.delete(event, message);
        };
    }
}
