package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/** Departments: partial upsert and soft delete, guarded by the source event time. Part of {@link MdmApi}. */
public interface DepartmentApi {

    @GetMapping("/departments/{corpId}/{deptId}")
    Result<DepartmentResponse> getDepartment(@PathVariable("corpId") String corpId,
                                             @PathVariable("deptId") long deptId);

    @PutMapping("/departments/{corpId}/{deptId}")
    Result<WriteResponse<DepartmentResponse>> upsertDepartment(@PathVariable("corpId") String corpId,
                                                               @PathVariable("deptId") long deptId,
                                                               @Valid @RequestBody DepartmentUpsertRequest request);

    @DeleteMapping("/departments/{corpId}/{deptId}")
    Result<WriteResponse<DepartmentResponse>> deleteDepartment(@PathVariable("corpId") String corpId,
                                                               @PathVariable("deptId") long deptId,
                                                               @RequestParam("sourceEventTime") Instant sourceEventTime,
                                                               @RequestParam(name = "sourceEventId", required = false) String sourceEventId);

    /** The corp's departments (deleted ones too) in id order after {@code after}, as fingerprints. */
    @GetMapping("/departments/digest")
    Result<DigestPage<DepartmentDigest>> departmentDigest(@RequestParam("corpId") String corpId,
                                                          @RequestParam(name = "after", required = false) Long after,
                                                          @RequestParam(name = "limit", defaultValue = "1000") int limit);
}
