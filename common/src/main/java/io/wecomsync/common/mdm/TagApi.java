package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Tag membership (users and departments), as a delta or a full replacement. Part of {@link MdmApi}. */
public interface TagApi {

    @GetMapping("/tags/{corpId}/{tagId}/members")
    Result<TagMembersResponse> getTagMembers(@PathVariable("corpId") String corpId, @PathVariable("tagId") long tagId);

    @PutMapping("/tags/{corpId}/{tagId}/members")
    Result<WriteResponse<TagMembersResponse>> updateTagMembers(@PathVariable("corpId") String corpId,
                                                               @PathVariable("tagId") long tagId,
                                                               @Valid @RequestBody TagMembersRequest request);
}
