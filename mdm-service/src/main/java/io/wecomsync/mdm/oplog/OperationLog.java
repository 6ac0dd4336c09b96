package io.wecomsync.mdm.oplog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.mdm.OperLogResponse;
import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.text.Excerpt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records and reads operation-log entries. {@link #record} joins the caller's transaction (it refuses
 * to run without one), so a write and its log row commit or roll back together.
 */
@Service
public class OperationLog {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final int MAX_MESSAGE = 512;

    private final OperLogMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    OperationLog(OperLogMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(OperLogEntry entry) {
        mapper.insert(toRow(entry));
    }

    /** Several entries in one statement, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<OperLogEntry> entries) {
        if (!entries.isEmpty()) {
            mapper.insertAll(entries.stream().map(this::toRow).toList());
        }
    }

    private OperLogEntity toRow(OperLogEntry entry) {
        OperLogEntity row = new OperLogEntity();
        row.setCreatedAt(entry.at() != null ? entry.at() : clock.instant());
        row.setCorpId(entry.corpId());
        row.setAction(entry.action().name());
        row.setTargetType(entry.action().targetType());
        row.setTargetId(entry.targetId());
        row.setResult(entry.result());
        row.setChanges(entry.changes().isEmpty() ? null : write(entry.changes()));
        row.setSourceEventId(entry.sourceEventId());
        if (entry.source() != null) {
            row.setTraceId(entry.source().traceId());
            row.setCaller(entry.source().caller());
        }
        row.setOperator(entry.operator());
        row.setMessage(Excerpt.of(entry.message(), MAX_MESSAGE));
        return row;
    }

    @Transactional(readOnly = true)
    public PageResponse<OperLogResponse> find(OperLogQuery query) {
        LambdaQueryWrapper<OperLogEntity> where = new LambdaQueryWrapper<OperLogEntity>()
                .eq(query.corpId() != null, OperLogEntity::getCorpId, query.corpId())
                .eq(query.action() != null, OperLogEntity::getAction, query.action())
                .eq(query.targetType() != null, OperLogEntity::getTargetType, query.targetType())
                .eq(query.targetId() != null, OperLogEntity::getTargetId, query.targetId())
                .eq(query.traceId() != null, OperLogEntity::getTraceId, query.traceId())
                .eq(query.operator() != null, OperLogEntity::getOperator, query.operator())
                .eq(query.sourceEventId() != null, OperLogEntity::getSourceEventId, query.sourceEventId())
                .ge(query.from() != null, OperLogEntity::getCreatedAt, query.from())
                .lt(query.to() != null, OperLogEntity::getCreatedAt, query.to())
                .orderByDesc(OperLogEntity::getId);
        Page<OperLogEntity> page = mapper.selectPage(new Page<>(query.page(), query.size()), where);
        List<OperLogResponse> items = page.getRecords().stream().map(this::toResponse).toList();
        return new PageResponse<>(query.page(), query.size(), page.getTotal(), items);
    }

    private OperLogResponse toResponse(OperLogEntity row) {
        return new OperLogResponse(row.getId(), row.getCreatedAt(), row.getCorpId(), row.getAction(),
                row.getTargetType(), row.getTargetId(), row.getResult(),
                row.getChanges() == null ? List.of() : read(row.getChanges()),
                row.getSourceEventId(), row.getTraceId(), row.getCaller(), row.getOperator(), row.getMessage());
    }

    private String write(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize operation-log changes", e);
        }
    }

    private List<FieldChange> read(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored operation-log changes are not valid JSON", e);
        }
    }

    /** Filters for {@link #find}; {@code page} starts at 1. */
    public record OperLogQuery(String corpId, String action, String targetType, String targetId, String traceId,
                               String operator, String sourceEventId, Instant from, Instant to, long page, long size) {
    }
}
