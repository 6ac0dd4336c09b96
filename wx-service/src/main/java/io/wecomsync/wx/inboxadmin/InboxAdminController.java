package io.wecomsync.wx.inboxadmin;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.OperatorAction;
import io.wecomsync.wx.audit.OperatorActions;
import io.wecomsync.wx.inbox.EventStatus;
import io.wecomsync.wx.inbox.InboxQueries;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.mdm.WxIds;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.text.Excerpt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The inbox for operators: list and inspect events (personal data masked), counts, replay, skip. Replays
 * and skips go to the operation log with the operator's id.
 */
@RestController
@RequestMapping("/admin/inbox")
class InboxAdminController {

    private final InboxQueries queries;
    private final OperatorActions actions;

    InboxAdminController(InboxQueries queries, OperatorActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    /**
     * Newest first; filters by status, corp, change type (e.g. {@code update_user}; or event type), entity key
     * and receive time ({@code from} inclusive, {@code to} exclusive).
     */
    @GetMapping("/events")
    Result<PageResponse<InboxQueries.InboxEventView>> list(@RequestParam(required = false) String status,
                                                           @RequestParam(required = false) String corpId,
                                                           @RequestParam(required = false) String changeType,
                                                           @RequestParam(required = false) String entityKey,
                                                           @RequestParam(required = false) Instant from,
                                                           @RequestParam(required = false) Instant to,
                                                           @RequestParam(defaultValue = "1") long page,
                                                           @RequestParam(defaultValue = "20") long size) {
        if (page < 1 || size < 1 || size > 200) {
            throw ApiException.invalid("page must be 1 or more and size between 1 and 200");
        }
        if (changeType != null && !changeType.isBlank() && !changeType.matches("[a-z_]{1,40}")) {
            throw ApiException.invalid("changeType must be a WeCom change or event type such as update_user, got '"
                    + Excerpt.of(changeType, 40) + "'");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("from must be before to");
        }
        return Result.ok(queries.find(new InboxQueries.InboxFilter(status(status), blankToNull(corpId),
                blankToNull(changeType), blankToNull(entityKey), from, to, page, size)));
    }

    @GetMapping("/events/{id}")
    Result<InboxQueries.InboxEventView> get(@PathVariable long id) {
        return Result.ok(queries.get(id).orElseThrow(() -> notFound(id)));
    }

    /** Puts a DEAD or IGNORED event back in line. */
    @PostMapping("/events/{id}/replay")
    Result<Map<String, Integer>> replay(@PathVariable long id, Principal operator) {
        InboxQueries.InboxEventView event = queries.get(id).orElseThrow(() -> notFound(id));
        if (!event.status().equals("DEAD") && !event.status().equals("IGNORED")) {
            throw new ApiException(ErrorCode.CONFLICT, "event " + id + " is " + event.status()
                    + "; only DEAD or IGNORED events can be replayed");
        }
        int replayed = actions.perform(operator, OperatorAction.EVENT_REPLAY, event.corpId(), String.valueOf(id),
                () -> queries.replay(id), n -> event.status() + " " + (event.changeType() == null ? event.eventType() : event.changeType()) + " of "
                        + event.entityKey() + (n == 0 ? ": changed meanwhile, not replayed" : ": put back in line"));
        return Result.ok(Map.of("replayed", replayed));
    }

    /** Puts every DEAD event of a corp back in line. */
    @PostMapping("/replay-dead")
    Result<Map<String, Integer>> replayDead(@RequestParam String corpId, Principal operator) {
        if (!corpId.matches(WxIds.CORP_ID)) {
            throw ApiException.invalid("corpId must be 1 to 64 letters, digits, '_' or '-', got '"
                    + Excerpt.of(corpId, 64) + "'");
        }
        int replayed = actions.perform(operator, OperatorAction.EVENT_REPLAY_DEAD, corpId, corpId,
                () -> queries.replayDead(corpId), n -> n + " DEAD events put back in line");
        return Result.ok(Map.of("replayed", replayed));
    }

    /**
     * Sets a DEAD event aside for good (with the operator's reason) so the later events of its entity,
     * which wait behind it, are applied.
     */
    @PostMapping("/events/{id}/skip")
    Result<Map<String, Integer>> skip(@PathVariable long id, @RequestParam(required = false) String reason,
                                      Principal operator) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiException.invalid("reason is required (at most 500 characters): say why the event is skipped");
        }
        InboxQueries.InboxEventView event = queries.get(id).orElseThrow(() -> notFound(id));
        if (!event.status().equals("DEAD")) {
            throw new ApiException(ErrorCode.CONFLICT, "event " + id + " is " + event.status() + "; only DEAD events can be skipped");
        }
        String why = reason.strip();
        int skipped = actions.perform(operator, OperatorAction.EVENT_SKIP, event.corpId(), String.valueOf(id),
                () -> queries.skip(id, why), n -> (n == 0 ? "changed meanwhile, not skipped: " : "skipped: ") + why);
        return Result.ok(Map.of("skipped", skipped));
    }

    @GetMapping("/counts")
    Result<Map<String, Long>> counts() {
        return Result.ok(queries.countByStatus());
    }

    private static EventStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EventStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status must be one of " + Arrays.toString(EventStatus.values()) + ", got '" + value + "'");
        }
    }

    private static ApiException notFound(long id) {
        return new ApiException(ErrorCode.NOT_FOUND, "no inbox event " + id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
