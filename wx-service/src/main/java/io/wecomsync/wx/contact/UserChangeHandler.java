package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.UserBatchResult;
import io.wecomsync.common.mdm.UserBatchUpsertRequest;
import io.wecomsync.common.mdm.WxIds;
import io.wecomsync.common.mdm.UserRenameRequest;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.directory.DirectorySettings;
import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.mdm.MdmRejectedException;
import io.wecomsync.wx.mdm.MdmUnavailableException;
import me.chanjar.weixin.cp.bean.WxCpUser;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code create_user}, {@code update_user} and {@code delete_user}. Only the fields an event carries
 * are sent (absent stays unchanged in mdm-service); a {@code NewUserID} is applied as a rename first.
 * ID-only events are completed from WeCom's {@code user/get} where the corp has a reader app.
 * Upserts that need nothing else go to mdm-service several at a time ({@link #upsertAll}); the body is
 * built by {@link UserRequests}. Under a sync scope ({@link SyncScope}) each event is checked first.
 */
@Component
class UserChangeHandler {

    /** Fields of an ID-only event (since 2022): with nothing else, details must be read from WeCom. */
    private static final Set<String> ID_ONLY_FIELDS = Set.of("ToUserName", "FromUserName", "CreateTime", "MsgType",
            "Event", "ChangeType", "UserID", "NewUserID", "Department", "MainDepartment", "IsLeaderInDept", "AgentID");

    private final MdmCalls mdm;
    private final DirectoryReader directory;
    private final DirectorySettings mapping;
    private final SyncScope scope;

    UserChangeHandler(MdmCalls mdm, DirectoryReader directory, DirectorySettings mapping, SyncScope scope) {
        this.mdm = mdm;
        this.directory = directory;
        this.mapping = mapping;
        this.scope = scope;
    }

    HandlerOutcome upsert(InboxEvent event, ContactMessage message) {
        String wxUserId = message.text("UserID");
        if (wxUserId == null || wxUserId.isBlank()) {
            return new HandlerOutcome.Dead(message.changeType() + " without UserID");
        }
        String corp = event.corpId();
        Instant time = message.eventTime();
        String eventId = message.eventId();
        String newUserId = message.text("NewUserID");
        boolean renamed = newUserId != null && !newUserId.isBlank() && !newUserId.equals(wxUserId);
        String target = renamed ? newUserId : wxUserId;
        String note = null;
        WxCpUser details = null;
        // a reconciliation already read what WeCom would give: reading again could only repeat it
        if (event.source() != InboundEvent.EventSource.RECONCILE && isIdOnly(message)) {
            WeComRead<WxCpUser> read = directory.user(corp, target);
            if (read.failed()) {
                throw new WeComBusyException(read.error());
            }
            details = read.value();
            note = read.error();
        }
        Optional<HandlerOutcome> outside = outsideScope(event, message, details, wxUserId);
        if (outside.isPresent()) {
            return outside.get();
        }
        if (renamed) {
            rename(corp, wxUserId, newUserId, time, eventId);
        }
        UserUpsertRequest request = UserRequests.of(message, details, mapping.corp(corp), time, eventId);
        String userId = target;
        // mdm-service records the CRM delivery in the same transaction as the change (its outbox)
        mdm.call("upsert user", api -> api.upsertUser(corp, userId, request));
        return new HandlerOutcome.Done(List.of(), note);
    }

    /**
     * The upsert as a batch item, when the event needs nothing but the write: it names a user, renames
     * nobody, and carries its fields itself (or comes from a reconciliation). Empty otherwise.
     */
    Optional<UserBatchUpsertRequest.Item> batchItem(InboxEvent event, ContactMessage message) {
        String wxUserId = message.text("UserID");
        if (wxUserId == null || !wxUserId.matches(WxIds.USER_ID)) {
            return Optional.empty();
        }
        String newUserId = message.text("NewUserID");
        if (newUserId != null && !newUserId.isBlank() && !newUserId.equals(wxUserId)) {
            return Optional.empty();
        }
        if (event.source() != InboundEvent.EventSource.RECONCILE && (isIdOnly(message) || scope.limits(event.corpId()))) {
            // details to read first, or a sync scope to check: the single path does both
            return Optional.empty();
        }
        return Optional.of(new UserBatchUpsertRequest.Item(wxUserId,
                UserRequests.of(message, null, mapping.corp(event.corpId()), message.eventTime(), message.eventId()),
                event.traceParent() == null ? null : event.traceParent().traceId()));
    }

    /**
     * Upserts several users of one corp in one mdm-service call per {@value UserBatchUpsertRequest#MAX_ITEMS}
     * users; answers an outcome per event. A batch mdm-service refuses as a whole (e.g. one item invalid)
     * answers nothing for its events: each is then applied alone. While mdm-service is unavailable the
     * events not yet sent wait.
     */
    Map<Long, HandlerOutcome> upsertAll(String corpId, Map<Long, UserBatchUpsertRequest.Item> items) {
        List<Long> ids = new ArrayList<>(items.keySet());
        Map<Long, HandlerOutcome> outcomes = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += UserBatchUpsertRequest.MAX_ITEMS) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + UserBatchUpsertRequest.MAX_ITEMS));
            try {
                outcomes.putAll(upsertChunk(corpId, chunk, items));
            } catch (MdmUnavailableException e) {
                ids.subList(from, ids.size()).forEach(id -> outcomes.put(id, new HandlerOutcome.Wait(e.getMessage())));
                break;
            }
        }
        return outcomes;
    }

    private Map<Long, HandlerOutcome> upsertChunk(String corpId, List<Long> ids, Map<Long, UserBatchUpsertRequest.Item> items) {
        List<UserBatchUpsertRequest.Item> requests = ids.stream().map(items::get).toList();
        List<UserBatchResult> results;
        try {
            results = mdm.call("upsert users", api -> api.upsertUsers(corpId, new UserBatchUpsertRequest(requests)));
        } catch (MdmRejectedException e) {
            return Map.of();
        }
        if (results == null || results.size() != ids.size()) {
            return Map.of();
        }
        Map<Long, HandlerOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            UserBatchResult result = results.get(i);
            outcomes.put(ids.get(i), result.succeeded() ? HandlerOutcome.done()
                    : result.retryable() ? new HandlerOutcome.Wait("upsert user: " + result.error())
                    : new HandlerOutcome.Dead("upsert user: mdm-service refused it (" + result.code() + "): " + result.error()));
        }
        return outcomes;
    }

    HandlerOutcome delete(InboxEvent event, ContactMessage message) {
        String wxUserId = message.text("UserID");
        if (wxUserId == null || wxUserId.isBlank()) {
            return new HandlerOutcome.Dead("delete_user without UserID");
        }
        try {
            mdm.call("delete user", api -> api.deleteUser(event.corpId(), wxUserId, message.eventTime(), message.eventId()));
            return HandlerOutcome.done();
        } catch (MdmRejectedException e) {
            if (e.isNotFound()) {
                return new HandlerOutcome.Done(List.of(), "user was not in mdm-service; nothing to delete");
            }
            throw e;
        }
    }

    /**
     * For a corp that syncs part of its directory ({@link SyncScope}): an outcome when the user is outside
     * it — a user mdm-service holds is then treated as left (deleted) — and empty when the event applies.
     * A reconciliation's events were scoped when the run planned them.
     */
    private Optional<HandlerOutcome> outsideScope(InboxEvent event, ContactMessage message, WxCpUser details, String wxUserId) {
        String corp = event.corpId();
        if (event.source() == InboundEvent.EventSource.RECONCILE || !scope.limits(corp)) {
            return Optional.empty();
        }
        List<Long> departments = departmentsOf(message, details);
        if (departments == null) {
            // a change that leaves the departments as they are: in scope when the user is held; else (not held,
            // or its create not applied yet) WeCom tells where the user is, and when it cannot, the change applies
            if (scope.activeUser(corp, wxUserId).isPresent()) {
                return Optional.empty();
            }
            WeComRead<WxCpUser> read = directory.user(corp, wxUserId);
            if (read.failed()) {
                throw new WeComBusyException(read.error());
            }
            departments = read.value() == null ? null : departmentsOf(message, read.value());
            if (departments == null) {
                return Optional.empty();
            }
        }
        if (scope.includesMemberOf(corp, departments)) {
            return Optional.empty();
        }
        if (scope.activeUser(corp, wxUserId).isEmpty()) {
            return Optional.of(new HandlerOutcome.Ignored("user outside the sync scope (departments " + departments + ")"));
        }
        mdm.call("delete user", api -> api.deleteUser(corp, wxUserId, message.eventTime(), message.eventId()));
        return Optional.of(new HandlerOutcome.Done(List.of(), "moved out of the sync scope (departments " + departments
                + "): treated as left"));
    }

    /** The user's departments as the event (or WeCom's user/get) gives them; null when neither does. */
    private static List<Long> departmentsOf(ContactMessage message, WxCpUser details) {
        List<String> listed = message.list("Department");
        if (listed != null) {
            return listed.stream().map(Long::parseLong).toList();
        }
        return details == null || details.getDepartIds() == null ? null : List.of(details.getDepartIds());
    }

    private void rename(String corp, String from, String to, Instant time, String eventId) {
        try {
            mdm.call("rename user", api -> api.renameUser(corp, from, new UserRenameRequest(to, time, eventId)));
        } catch (MdmRejectedException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            // not in mdm-service under the old id: the upsert under the new id creates the user
        }
    }

    private static boolean isIdOnly(ContactMessage message) {
        return message.fields().keySet().stream().allMatch(ID_ONLY_FIELDS::contains);
    }
}
