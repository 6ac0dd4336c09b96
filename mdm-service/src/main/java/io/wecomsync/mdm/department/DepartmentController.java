package io.wecomsync.mdm.department;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.DepartmentApi;
import io.wecomsync.common.mdm.DepartmentDigest;
import io.wecomsync.common.mdm.DigestPage;
import io.wecomsync.common.mdm.DepartmentResponse;
import io.wecomsync.common.mdm.DepartmentUpsertRequest;
import io.wecomsync.common.mdm.WriteResponse;
import io.wecomsync.mdm.web.PathIds;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
class DepartmentController implements DepartmentApi {

    private final DepartmentWriter writer;
    private final HttpServletRequest request;

    DepartmentController(DepartmentWriter writer, HttpServletRequest request) {
        this.writer = writer;
        this.request = request;
    }

    @Override
    public Result<DepartmentResponse> getDepartment(String corpId, long deptId) {
        return Result.ok(writer.get(PathIds.corpId(corpId), PathIds.positive("deptId", deptId)));
    }

    @Override
    public Result<WriteResponse<DepartmentResponse>> upsertDepartment(String corpId, long deptId,
                                                                      DepartmentUpsertRequest body) {
        return Result.ok(writer.upsert(PathIds.corpId(corpId), PathIds.positive("deptId", deptId), body,
                RequestSource.of(request)));
    }

    @Override
    public Result<WriteResponse<DepartmentResponse>> deleteDepartment(String corpId, long deptId,
                                                                      Instant sourceEventTime, String sourceEventId) {
        return Result.ok(writer.delete(PathIds.corpId(corpId), PathIds.positive("deptId", deptId), sourceEventTime,
                PathIds.eventId(sourceEventId), RequestSource.of(request)));
    }

    @Override
    public Result<DigestPage<DepartmentDigest>> departmentDigest(String corpId, Long after, int limit) {
        return Result.ok(writer.digest(PathIds.corpId(corpId), after, PathIds.limit(limit)));
    }
}
