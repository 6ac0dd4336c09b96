package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.DepartmentUpsertRequest;
import io.wecomsync.wx.change.ChangeType;
import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.mdm.MdmRejectedException;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code create_party}, {@code update_party} and {@code delete_party}. A department event without a
 * name (ID-only since 2022) is completed from WeCom's {@code department/get} where possible.
 */
@Component
class DepartmentChangeHandler {

    private final MdmCalls mdm;
    private final DirectoryReader directory;
    private final SyncScope scope;

    DepartmentChangeHandler(MdmCalls mdm, DirectoryReader directory, SyncScope scope) {
        this.mdm = mdm;
        this.directory = directory;
        this.scope = scope;
    }

    HandlerOutcome upsert(InboxEvent event, ContactMessage message) {
        Long id = message.number("Id");
        if (id == null || id <= 0) {
            return new HandlerOutcome.Dead(message.changeType() + " without a valid Id");
        }
        String name = message.text("Name");
        Long parentId = message.number("ParentId");
        Long order = message.number("Order");
        String note = null;
        if (name == null && message.change().orElse(null) == ChangeType.CREATE_PARTY
                && event.source() != InboundEvent.EventSource.RECONCILE) {
            WeComRead<WxCpDepart> read = directory.department(event.corpId(), id);
            if (read.failed()) {
                throw new WeComBusyException(read.error());
            }
            note = read.error();
            if (read.value() != null) {
                name = read.value().getName();
                parentId = parentId != null ? parentId : read.value().getParentId();
                order = order != null ? order : read.value().getOrder();
            }
        }
        if (event.source() != InboundEvent.EventSource.RECONCILE && scope.limits(event.corpId())
                && !scope.includesDepartment(event.corpId(), id, parentId)) {
            // one that moved out stays until a reconciliation, which reads the whole tree, removes it
            return new HandlerOutcome.Ignored("department outside the sync scope");
        }
        DepartmentUpsertRequest request = new DepartmentUpsertRequest(name, parentId, order,
                message.eventTime(), message.eventId());
        mdm.call("upsert department", api -> api.upsertDepartment(event.corpId(), id, request));
        return new HandlerOutcome.Done(List.of(), note);
    }

    HandlerOutcome delete(InboxEvent event, ContactMessage message) {
        Long id = message.number("Id");
        if (id == null || id <= 0) {
            return new HandlerOutcome.Dead("delete_party without a valid Id");
        }
        try {
            mdm.call("delete department", api -> api.deleteDepartment(event.corpId(), id,
                    message.eventTime(), message.eventId()));
            return HandlerOutcome.done();
        } catch (MdmRejectedException e) {
            if (e.isNotFound()) {
                return new HandlerOutcome.Done(List.of(), "department was not in mdm-service; nothing to delete");
            }
            throw e;
        }
    }
}
