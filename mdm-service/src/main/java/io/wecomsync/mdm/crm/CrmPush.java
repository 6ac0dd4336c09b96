package io.wecomsync.mdm.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.CrmSyncResponse;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.oplog.OperationLog;
import io.wecomsync.mdm.user.UserReader;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.mdm.web.RequestSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Pushes a user's current data to the CRM. The HTTP call runs outside any transaction; its outcome
 * is then recorded (attempt row + operation-log row, together). The idempotency key is a hash of
 * the payload, so pushing unchanged data twice lets the CRM recognize the repeat.
 */
@Service
class CrmPush {

    private static final Logger log = LoggerFactory.getLogger(CrmPush.class);

    private final UserReader users;
    private final CrmClient crm;
    private final CrmSyncAttemptMapper attempts;
    private final OperationLog operationLog;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    CrmPush(UserReader users, CrmClient crm, CrmSyncAttemptMapper attempts, OperationLog operationLog,
            TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.users = users;
        this.crm = crm;
        this.attempts = attempts;
        this.operationLog = operationLog;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    CrmSyncResponse push(String userId, RequestSource source) {
        UserResponse user = users.get(userId);
        byte[] payload = serialize(user);
        String key = sha256(payload);
        Instant started = clock.instant();
        CrmClient.Outcome outcome = crm.isConfigured()
                ? crm.push(payload, key)
                : new CrmClient.Outcome(false, null, "no CRM configured (mdm.crm.base-url is empty)");
        String status = !crm.isConfigured() ? "SKIPPED" : outcome.success() ? "SUCCESS" : "FAILED";
        int durationMs = (int) Math.max(0, clock.millis() - started.toEpochMilli());

        CrmSyncAttemptEntity attempt = new CrmSyncAttemptEntity();
        attempt.setUserId(user.userId());
        attempt.setCorpId(user.corpId());
        attempt.setIdempotencyKey(key);
        attempt.setStatus(status);
        attempt.setHttpStatus(outcome.httpStatus());
        attempt.setDetail(outcome.detail());
        attempt.setDurationMs(durationMs);
        attempt.setCreatedAt(clock.instant());
        transactions.executeWithoutResult(tx -> {
            attempts.insert(attempt);
            operationLog.record(new OperLogEntry(user.corpId(), OperAction.CRM_PUSH, user.userId(), status, null,
                    null, source, "attempt " + attempt.getId()
                    + (outcome.httpStatus() != null ? ", HTTP " + outcome.httpStatus() : "")
                    + (outcome.detail() != null ? ": " + outcome.detail() : "")));
        });
        if ("FAILED".equals(status)) {
            log.warn("CRM push of user {} failed (attempt {}, HTTP {})", user.userId(), attempt.getId(), outcome.httpStatus());
            throw new ApiException(ErrorCode.CRM_UNAVAILABLE, "the CRM did not accept user " + user.userId()
                    + " (attempt " + attempt.getId() + (outcome.httpStatus() != null ? ", HTTP " + outcome.httpStatus() : "")
                    + "); try again later");
        }
        return new CrmSyncResponse(attempt.getId(), user.userId(), status, outcome.httpStatus(), key,
                outcome.detail(), attempt.getCreatedAt());
    }

    private byte[] serialize(UserResponse user) {
        try {
            return json.writeValueAsBytes(user);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize user for the CRM", e);
        }
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
