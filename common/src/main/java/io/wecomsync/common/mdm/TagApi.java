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
import java.util.List;

/** Tags: membership (users and departments), as a delta or a full replacement; listing and removal. Part of {@link MdmApi}. */
public interface TagApi {

    /** The corp's tags, by tag id. */
    @GetMapping("/tags")
    Result<List<TagSummary>> listTags(@RequestParam("corpId") String corpId);

    /**
     * Removes a tag WeCom no longer has, with its member lists; {@code sourceEventTime} is when that was
     * seen: a tag whose members changed after it is left alone ({@code STALE}). 404 for a tag not held.
     */
    @DeleteMapping("/tags/{corpId}/{tagId}")
    Result<WriteResponse<TagMembersResponse>> deleteTag(@PathVariable("corpId") String corpId,
                                                        @PathVariable("tagId") long tagId,
                                                        @RequestParam("sourceEventTime") Instant sourceEventTime,
                                                        @RequestParam(name = "sourceEventId", required = false) String sourceEventId);

    @GetMapping("/tags/{corpId}/{tagId}/members")
    Result<TagMembersResponse> getTagMembers(@PathVariable("corpId") String corpId, @PathVariable("tagId") long tagId);

    @PutMapping("/tags/{corpId}/{tagId}/members")
    Result<WriteResponse<TagMembersResponse>> updateTagMembers(@PathVariable("corpId") String corpId,
                                                               @PathVariable("tagId") long tagId,
                                                               @Valid @RequestBody TagMembersRequest request);
}
