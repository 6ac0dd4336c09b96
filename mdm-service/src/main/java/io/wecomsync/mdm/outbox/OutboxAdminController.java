package io.wecomsync.mdm.outbox;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The outbox for operators: what each target still has to get or refused, and replays of DEAD deliveries. */
@RestController
@RequestMapping("/admin/outbox")
class OutboxAdminController {

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "DEAD");

    private final OutboxMapper mapper;
    private final OutboxSignal signal;
    private final Clock clock;

    OutboxAdminController(OutboxMapper mapper, OutboxSignal signal, Clock clock) {
        this.mapper = mapper;
        this.signal = signal;
        this.clock = clock;
    }

    /** Most recently changed first; filters by target, status and user. */
    @GetMapping
    Result<PageResponse<OutboxView>> list(@RequestParam(required = false) String target,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(required = false) String userId,
                                          @RequestParam(defaultValue = "1") long page,
                                          @RequestParam(defaultValue = "20") long size) {
        if (page < 1 || size < 1 || size > 200) {
            throw ApiException.invalid("page must be 1 or more and size between 1 and 200");
        }
        String normalized = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (normalized != null && !STATUSES.contains(normalized)) {
            throw ApiException.invalid("status must be one of " + STATUSES + ", got '" + status + "'");
        }
        LambdaQueryWrapper<OutboxEntity> where = new LambdaQueryWrapper<OutboxEntity>()
                .eq(target != null && !target.isBlank(), OutboxEntity::getTarget, target)
                .eq(normalized != null, OutboxEntity::getStatus, normalized)
                .eq(userId != null && !userId.isBlank(), OutboxEntity::getUserId, userId)
                .orderByDesc(OutboxEntity::getUpdatedAt).orderByDesc(OutboxEntity::getId);
        Page<OutboxEntity> rows = mapper.selectPage(new Page<>(page, size), where);
        return Result.ok(new PageResponse<>(page, size, rows.getTotal(), rows.getRecords().stream().map(OutboxView::of).toList()));
    }

    /** Puts one DEAD delivery back in line. */
    @PostMapping("/{id}/replay")
    Result<Map<String, Integer>> replay(@PathVariable long id) {
        OutboxEntity row = mapper.selectById(id);
        if (row == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no outbox delivery " + id);
        }
        if (!"DEAD".equals(row.getStatus())) {
            throw new ApiException(ErrorCode.CONFLICT, "delivery " + id + " is " + row.getStatus() + "; only DEAD deliveries can be replayed");
        }
        return Result.ok(Map.of("replayed", woken(mapper.replay(id, null, clock.instant()))));
    }

    /** Puts every DEAD delivery of a target back in line. */
    @PostMapping("/replay-dead")
    Result<Map<String, Integer>> replayDead(@RequestParam String target) {
        if (target.isBlank()) {
            throw ApiException.invalid("target is required");
        }
        return Result.ok(Map.of("replayed", woken(mapper.replay(null, target.strip(), clock.instant()))));
    }

    private int woken(int replayed) {
        if (replayed > 0) {
            signal.wake();
        }
        return replayed;
    }

    /** One target's delivery state for one user; no personal data. */
    record OutboxView(long id, String target, String userId, String corpId, String status, String lastChange,
                      long changeSeq, long deliveredSeq, int attempts, int waits, Instant nextAttemptAt,
                      Integer lastHttpStatus, String lastError, Instant deliveredAt, Instant updatedAt) {

        static OutboxView of(OutboxEntity row) {
            return new OutboxView(row.getId(), row.getTarget(), row.getUserId(), row.getCorpId(), row.getStatus(),
                    row.getLastChange(), row.getChangeSeq(), row.getDeliveredSeq(), row.getAttempts(), row.getWaits(),
                    row.getNextAttemptAt(), row.getLastHttpStatus(), row.getLastError(), row.getDeliveredAt(),
                    row.getUpdatedAt());
        }
    }
}
