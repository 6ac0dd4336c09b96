package io.wecomsync.mdm.user;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.UserBatchResult;
import io.wecomsync.common.mdm.UserBatchUpsertRequest;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.common.mdm.WriteResponse;
import io.wecomsync.common.mdm.WxUserIds;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies a batch of user upserts in one transaction — one commit instead of one per user, which is
 * what the apply path spends most on — with each item in a savepoint of its own: a refused or
 * conflicting item is rolled back alone and answered as such, the others commit. A deadlock with
 * another batch rolls back everything and the whole batch runs again.
 */
@Service
class UserBatchWriter {

    private static final int DEADLOCK_RETRIES = 5;

    private final UserWriter writer;
    private final TransactionTemplate batch;
    private final TransactionTemplate item;

    UserBatchWriter(UserWriter writer, PlatformTransactionManager transactions) {
        this.writer = writer;
        this.batch = new TransactionTemplate(transactions);
        // no gap locks: concurrent batches (and the outbox relay) touch different users' rows only
        this.batch.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.item = new TransactionTemplate(transactions);
        this.item.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    List<UserBatchResult> upsertAll(String corpId, UserBatchUpsertRequest request, RequestSource source) {
        Set<String> seen = new HashSet<>();
        for (UserBatchUpsertRequest.Item entry : request.items()) {
            if (!seen.add(WxUserIds.key(entry.wxUserId()))) {
                throw ApiException.invalid("items names user '" + entry.wxUserId() + "' twice; send one change per user");
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return batch.execute(status -> apply(corpId, request, source));
            } catch (PessimisticLockingFailureException | TransactionSystemException e) {
                // a deadlock rolls the whole transaction back, savepoints included: run the batch again
                if (attempt >= DEADLOCK_RETRIES) {
                    throw new ConcurrencyFailureException("batch gave up after " + attempt + " deadlocks", e);
                }
                pause(attempt);
            }
        }
    }

    private List<UserBatchResult> apply(String corpId, UserBatchUpsertRequest request, RequestSource source) {
        List<UserBatchResult> results = new ArrayList<>(request.items().size());
        for (UserBatchUpsertRequest.Item entry : request.items()) {
            try {
                WriteResponse<UserResponse> written = item.execute(status ->
                        writer.upsertInTransaction(corpId, entry.wxUserId(), entry.user(), source));
                results.add(UserBatchResult.written(entry.wxUserId(), written.outcome(),
                        written.data() == null ? null : written.data().userId()));
            } catch (ApiException e) {
                results.add(UserBatchResult.failed(entry.wxUserId(), e.errorCode().code(), e.getMessage(), false));
            } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
                // another writer got there first: worth trying again, from a fresh read
                results.add(UserBatchResult.failed(entry.wxUserId(), ErrorCode.CONCURRENT_MODIFICATION.code(),
                        "user '" + entry.wxUserId() + "' was changed concurrently; try again", true));
            }
        }
        return results;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 20L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyFailureException("interrupted while retrying a batch");
        }
    }
}
