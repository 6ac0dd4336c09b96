package io.wecomsync.mdm.user;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.DigestPage;
import io.wecomsync.common.mdm.UserApi;
import io.wecomsync.common.mdm.UserBatchResult;
import io.wecomsync.common.mdm.UserBatchUpsertRequest;
import io.wecomsync.common.mdm.UserDigest;
import io.wecomsync.common.mdm.UserRenameRequest;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.common.mdm.UserSearchRequest;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.common.mdm.WriteResponse;
import io.wecomsync.mdm.web.PathIds;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
class UserController implements UserApi {

    private final UserReader reader;
    private final UserWriter writer;
    private final UserBatchWriter batchWriter;
    private final HttpServletRequest request;

    UserController(UserReader reader, UserWriter writer, UserBatchWriter batchWriter, HttpServletRequest request) {
        this.reader = reader;
        this.writer = writer;
        this.batchWriter = batchWriter;
        this.request = request;
    }

    @Override
    public Result<List<UserResponse>> findUsers(String corpId, String wxUserId, String employeeNumber, String mobile,
                                                String email, boolean includeDeleted) {
        if (mobile != null || email != null) {
            throw ApiException.invalid("mobile and email are not accepted in the URL (URLs end up in access logs):"
                    + " POST them to /users/search as {\"corpId\": …, \"mobile\": …}");
        }
        return Result.ok(reader.find(PathIds.corpId(corpId), wxUserId, employeeNumber, null, null, includeDeleted));
    }

    @Override
    public Result<List<UserResponse>> searchUsers(UserSearchRequest body) {
        return Result.ok(reader.find(PathIds.corpId(body.corpId()), body.wxUserId(), body.employeeNumber(), body.mobile(), body.email(),
                body.includeDeleted()));
    }

    @Override
    public Result<UserResponse> getUser(String userId) {
        return Result.ok(reader.get(PathIds.userId(userId)));
    }

    @Override
    public Result<WriteResponse<UserResponse>> upsertUser(String corpId, String wxUserId, UserUpsertRequest body) {
        return Result.ok(writer.upsert(PathIds.corpId(corpId), PathIds.wxUserId("wxUserId", wxUserId), body,
                RequestSource.of(request)));
    }

    @Override
    public Result<List<UserBatchResult>> upsertUsers(String corpId, UserBatchUpsertRequest body) {
        return Result.ok(batchWriter.upsertAll(PathIds.corpId(corpId), body, RequestSource.of(request)));
    }

    @Override
    public Result<WriteResponse<UserResponse>> renameUser(String corpId, String wxUserId, UserRenameRequest body) {
        return Result.ok(writer.rename(PathIds.corpId(corpId), PathIds.wxUserId("wxUserId", wxUserId), body,
                RequestSource.of(request)));
    }

    @Override
    public Result<WriteResponse<UserResponse>> deleteUser(String corpId, String wxUserId, Instant sourceEventTime,
                                                          String sourceEventId) {
        return Result.ok(writer.delete(PathIds.corpId(corpId), PathIds.wxUserId("wxUserId", wxUserId),
                sourceEventTime, PathIds.eventId(sourceEventId), RequestSource.of(request)));
    }

    @Override
    public Result<DigestPage<UserDigest>> userDigest(String corpId, String after, int limit) {
        return Result.ok(reader.digest(PathIds.corpId(corpId), after == null ? null : PathIds.wxUserId("after", after),
                PathIds.limit(limit)));
    }
}
