package io.wecomsync.mdm.user;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.mdm.UserBatchResult;
import io.wecomsync.common.mdm.UserBatchUpsertRequest;
import io.wecomsync.common.mdm.WxUserIds;
import io.wecomsync.mdm.tx.RetryingTransactions;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a batch of user upserts in one transaction, with a handful of statements for the whole batch
 * ({@link UserUpserts}) — one commit and one round of reads and writes instead of ten statements per
 * user, which is what the apply path spent most on. A refused item is answered as such and the others
 * commit; a collision with another writer (a deadlock, a user created meanwhile) runs the whole batch
 * again from a fresh read.
 */
@Service
class UserBatchWriter {

    private final UserUpserts upserts;
    private final RetryingTransactions transactions;

    UserBatchWriter(UserUpserts upserts, RetryingTransactions transactions) {
        this.upserts = upserts;
        this.transactions = transactions;
    }

    List<UserBatchResult> upsertAll(String corpId, UserBatchUpsertRequest request, RequestSource source) {
        Set<String> seen = new HashSet<>();
        List<UserUpserts.Item> items = new ArrayList<>(request.items().size());
        for (UserBatchUpsertRequest.Item entry : request.items()) {
            if (!seen.add(WxUserIds.key(entry.wxUserId()))) {
                throw ApiException.invalid("items names user '" + entry.wxUserId() + "' twice; send one change per user");
            }
            items.add(new UserUpserts.Item(entry.wxUserId(), entry.user(), entry.traceId()));
        }
        List<UserUpserts.Upserted> upserted = transactions.executeReadCommitted(() -> upserts.apply(corpId, items, source));
        List<UserBatchResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String wxUserId = items.get(i).wxUserId();
            if (upserted.get(i) instanceof UserUpserts.Written written) {
                results.add(UserBatchResult.written(wxUserId, written.outcome(),
                        written.row() == null ? null : written.row().getUserId()));
            } else if (upserted.get(i) instanceof UserUpserts.Refused refused) {
                results.add(UserBatchResult.failed(wxUserId, refused.reason().errorCode().code(),
                        refused.reason().getMessage(), false));
            }
        }
        return results;
    }
}
