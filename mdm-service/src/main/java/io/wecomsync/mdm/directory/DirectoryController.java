package io.wecomsync.mdm.directory;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.mdm.TagSummary;
import io.wecomsync.mdm.web.PathIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /directory/{corpId}/…}: the department tree, a department's members (paged), a user's tags —
 * what the ops console's directory pages show. Deleted entries are left out.
 */
@RestController
class DirectoryController {

    private final DirectoryMapper directory;

    DirectoryController(DirectoryMapper directory) {
        this.directory = directory;
    }

    /** Every department of the corp, parents before their children's siblings, with its number of members. */
    @GetMapping("/directory/{corpId}/departments")
    Result<List<DepartmentNode>> departments(@PathVariable String corpId) {
        return Result.ok(directory.departments(PathIds.corpId(corpId)));
    }

    @GetMapping("/directory/{corpId}/departments/{deptId}/members")
    Result<PageResponse<Member>> members(@PathVariable String corpId, @PathVariable long deptId,
                                         @RequestParam(defaultValue = "1") long page,
                                         @RequestParam(defaultValue = "50") long size) {
        if (page < 1 || size < 1 || size > 200) {
            throw ApiException.invalid("page must be 1 or more and size between 1 and 200");
        }
        String corp = PathIds.corpId(corpId);
        long dept = PathIds.positive("deptId", deptId);
        return Result.ok(new PageResponse<>(page, size, directory.countMembers(corp, dept),
                directory.members(corp, dept, size, (page - 1) * size)));
    }

    @GetMapping("/directory/{corpId}/users/{wxUserId}/tags")
    Result<List<TagSummary>> tags(@PathVariable String corpId, @PathVariable String wxUserId) {
        return Result.ok(directory.tagsOf(PathIds.corpId(corpId), PathIds.wxUserId("wxUserId", wxUserId)));
    }

    /** One department: its WeCom id, name, parent and order, and how many (not deleted) users it has. */
    record DepartmentNode(long deptId, String name, Long parentId, Long order, long members) {
    }

    /** One member of a department, as the list shows them: ids, name, position, status, leader there. */
    record Member(String userId, String wxUserId, String name, String position, String status, boolean leader) {
    }
}
