package io.wecomsync.wx.inbox;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.api.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The inbox for operators: list and inspect events (personal data masked), counts, replay, skip. */
@RestController
@RequestMapping("/admin/inbox")
class InboxAdminController {

    private final InboxQueries queries;

    InboxAdminController(InboxQueries queries) {
        this.queries = queries;
    }

    /** Newest first; filters by status, corp, entity key and receive time ({@code from} inclusive, {@code to} exclusive). */
    @GetMapping("/events")
    Result<PageResponse<InboxQueries.InboxEventView>> list(@RequestParam(required = false) String status,
                                                           @RequestParam(required = false) String corpId,
                                                           @RequestParam(required = false) String entityKey,
                                                           @RequestParam(required = false) Instant from,
                                                           @RequestParam(required = false) Instant to,
                                                           @RequestParam(defaultValue = "1") long page,
                                                           @RequestParam(defaultValue = "20") long size) {
        if (page < 1 || size < 1 || size > 200) {
            throw ApiException.invalid("page must be 1 or more and size between 1 and 200");
        }
        return Result.ok(queries.find(new InboxQueries.InboxFilter(status(status), blankToNull(corpId),
                blankToNull(entityKey), from, to, page, size)));
    }

    @GetMapping("/events/{id}")
    Result<InboxQueries.InboxEventView> get(@PathVariable long id) {
        return Result.ok(queries.get(id).orElseThrow(() -> notFound(id)));
    }

    /** Puts a DEAD or IGNORED event back in line. */
    @PostMapping("/events/{id}/replay")
    Result<Map<String, Integer>> replay(@PathVariable long id) {
        InboxQueries.InboxEventView event = queries.get(id).orElseThrow(() -> notFound(id));
        if (!event.status().equals("DEAD") && !event.status().equals("IGNORED")) {
            throw new ApiException(ErrorCode.CONFLICT, "event " + id + " is " + event.status()
                    + "; only DEAD or IGNORED events can be replayed");
        }
        return Result.ok(Map.of("replayed", queries.replay(id)));
    }

    /** Puts every DEAD event of a corp back in line. */
    @PostMapping("/replay-dead")
    Result<Map<String, Integer>> replayDead(@RequestParam String corpId) {
        if (corpId.isBlank()) {
            throw ApiException.invalid("corpId is required");
        }
        return Result.ok(Map.of("replayed", queries.replayDead(corpId)));
    }

    /**
     * Sets a DEAD event aside for good (with the operator's reason) so the later events of its entity,
     * which wait behind it, are applied.
     */
    @PostMapping("/events/{id}/skip")
    Result<Map<String, Integer>> skip(@PathVariable long id, @RequestParam(required = false) String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiException.invalid("reason is required (at most 500 characters): say why the event is skipped");
        }
        InboxQueries.InboxEventView event = queries.get(id).orElseThrow(() -> notFound(id));
        if (!event.status().equals("DEAD")) {
            throw new ApiException(ErrorCode.CONFLICT, "event " + id + " is " + event.status() + "; only DEAD events can be skipped");
        }
        return Result.ok(Map.of("skipped", queries.skip(id, reason.strip())));
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
