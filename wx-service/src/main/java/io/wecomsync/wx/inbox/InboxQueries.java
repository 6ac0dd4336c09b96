package io.wecomsync.wx.inbox;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.pii.PiiMasking;
import io.wecomsync.common.tracing.TraceParent;
import io.wecomsync.wx.xml.SafeXml;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** What operators read and do through the admin API: list, show (masked), count, replay, skip. */
@Service
public class InboxQueries implements InboxMetrics.InboxStatistics {

    private static final Set<String> UNFINISHED = Set.of("PENDING", "PROCESSING", "FAILED");

    private final InboxMapper mapper;
    private final PayloadCipher cipher;
    private final InboxSignal signal;
    private final Clock clock;

    InboxQueries(InboxMapper mapper, PayloadCipher cipher, InboxSignal signal, Clock clock) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.signal = signal;
        this.clock = clock;
    }

    public PageResponse<InboxEventView> find(InboxFilter filter) {
        LambdaQueryWrapper<InboxEventEntity> where = new LambdaQueryWrapper<InboxEventEntity>()
                .select(InboxEventEntity.class, field -> !field.getColumn().equals("payload"))
                .eq(filter.status() != null, InboxEventEntity::getStatus, filter.status() == null ? null : filter.status().name())
                .eq(filter.corpId() != null, InboxEventEntity::getCorpId, filter.corpId())
                .eq(filter.entityKey() != null, InboxEventEntity::getEntityKey, filter.entityKey())
                .and(filter.changeType() != null, type -> type.eq(InboxEventEntity::getChangeType, filter.changeType())
                        .or().eq(InboxEventEntity::getEventType, filter.changeType()))
                .ge(filter.from() != null, InboxEventEntity::getReceivedAt, filter.from())
                .lt(filter.to() != null, InboxEventEntity::getReceivedAt, filter.to())
                .orderByDesc(InboxEventEntity::getId);
        Page<InboxEventEntity> page = mapper.selectPage(new Page<>(filter.page(), filter.size()), where);
        return new PageResponse<>(filter.page(), filter.size(), page.getTotal(),
                page.getRecords().stream().map(row -> view(row, null, null)).toList());
    }

    /** One event with its masked fields, and the DEAD event it waits behind, if any. */
    public Optional<InboxEventView> get(long id) {
        InboxEventEntity row = mapper.selectById(id);
        if (row == null) {
            return Optional.empty();
        }
        Map<String, String> fields;
        try {
            fields = maskedFields(cipher.open(row.getPayload()));
        } catch (RuntimeException e) {
            fields = Map.of("_unreadable", "the stored message cannot be decrypted or parsed (" + e.getClass().getSimpleName() + ")");
        }
        Long blockedBy = UNFINISHED.contains(row.getStatus())
                ? mapper.deadAhead(row.getId(), row.getEntityKey(), row.getAltEntityKey(), row.getEventTime())
                : null;
        return Optional.of(view(row, fields, blockedBy));
    }

    public int replay(long id) {
        return wakeAfter(mapper.replay(id, null, clock.instant()));
    }

    public int replayDead(String corpId) {
        return wakeAfter(mapper.replay(null, corpId, clock.instant()));
    }

    public int skip(long id, String reason) {
        return wakeAfter(mapper.skip(id, "skipped by an operator: " + reason, clock.instant()));
    }

    @Override
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        for (EventStatus status : EventStatus.values()) {
            counts.put(status.name(), 0L);
        }
        mapper.countByStatus().forEach(row -> counts.put(String.valueOf(row.get("status")),
                ((Number) row.get("n")).longValue()));
        return counts;
    }

    @Override
    public double unfinished() {
        try {
            return countByStatus().entrySet().stream().filter(e -> UNFINISHED.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        } catch (RuntimeException databaseDown) {
            return Double.NaN;
        }
    }

    @Override
    public Instant oldestUnfinished() {
        try {
            return mapper.oldestUnfinished();
        } catch (RuntimeException databaseDown) {
            return null;
        }
    }

    private int wakeAfter(int replayed) {
        if (replayed > 0) {
            signal.wake();
        }
        return replayed;
    }

    /**
     * The message's fields with personal data masked (mobile, telephone, email, biz mail, address, and the
     * person's name and alias — see "Personal data" in docs/ARCHITECTURE.md): nothing else of the payload
     * leaves the service.
     */
    static Map<String, String> maskedFields(String payload) {
        Map<String, String> fields = new LinkedHashMap<>(SafeXml.parseFlat(payload));
        fields.computeIfPresent("Mobile", (k, v) -> PiiMasking.maskMobile(v));
        fields.computeIfPresent("Telephone", (k, v) -> PiiMasking.maskTelephone(v));
        fields.computeIfPresent("Email", (k, v) -> PiiMasking.maskEmail(v));
        fields.computeIfPresent("BizMail", (k, v) -> PiiMasking.maskEmail(v));
        fields.computeIfPresent("Address", (k, v) -> PiiMasking.maskAddress(v));
        fields.computeIfPresent("Name", (k, v) -> PiiMasking.maskName(v));
        fields.computeIfPresent("Alias", (k, v) -> PiiMasking.maskName(v));
        return fields;
    }

    private static InboxEventView view(InboxEventEntity row, Map<String, String> fields, Long blockedBy) {
        return new InboxEventView(row.getId(), row.getCorpId(), row.getAgentId(), row.getSource(), row.getEventType(),
                row.getChangeType(), row.getEntityKey(), row.getEventTime(), row.getStatus(), row.getAttempts(),
                row.getWaits() == null ? 0 : row.getWaits(), row.getNextAttemptAt(), row.getLastError(),
                row.getReceivedAt(), row.getDoneAt(), blockedBy,
                TraceParent.parse(row.getTraceParent()).map(TraceParent::traceId).orElse(null), fields);
    }

    /** Filters of the admin listing; {@code page} starts at 1. */
    public record InboxFilter(EventStatus status, String corpId, String changeType, String entityKey, Instant from, Instant to,
                              long page, long size) {
    }

    /**
     * One event for operators. {@code attempts} counts the tries that can make it DEAD, {@code waits} those
     * that found a dependency unavailable; {@code blockedBy} (single event only) is the DEAD event of the same
     * entity it waits behind until that one is replayed or skipped; {@code traceId} the trace it arrived
     * under (search mdm-service's operation log with it); {@code fields} (masked) only when a single event is shown.
     */
    public record InboxEventView(long id, String corpId, Integer agentId, String source, String eventType, String changeType,
                          String entityKey, Instant eventTime, String status, int attempts, int waits,
                          Instant nextAttemptAt, String lastError, Instant receivedAt, Instant doneAt, Long blockedBy,
                          String traceId, Map<String, String> fields) {
    }
}
