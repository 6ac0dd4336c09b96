package io.wecomsync.mdm.tag;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.TagApi;
import io.wecomsync.common.mdm.TagMembersRequest;
import io.wecomsync.common.mdm.TagMembersResponse;
import io.wecomsync.common.mdm.TagSummary;
import io.wecomsync.common.mdm.WriteResponse;
import io.wecomsync.mdm.web.PathIds;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
class TagController implements TagApi {

    private final TagMembers members;
    private final HttpServletRequest request;

    TagController(TagMembers members, HttpServletRequest request) {
        this.members = members;
        this.request = request;
    }

    @Override
    public Result<TagMembersResponse> getTagMembers(String corpId, long tagId) {
        return Result.ok(members.get(PathIds.corpId(corpId), PathIds.positive("tagId", tagId)));
    }

    @Override
    public Result<WriteResponse<TagMembersResponse>> updateTagMembers(String corpId, long tagId, TagMembersRequest body) {
        return Result.ok(members.update(PathIds.corpId(corpId), PathIds.positive("tagId", tagId), body,
                RequestSource.of(request)));
    }

    @Override
    public Result<List<TagSummary>> listTags(String corpId) {
        return Result.ok(members.list(PathIds.corpId(corpId)));
    }

    @Override
    public Result<WriteResponse<TagMembersResponse>> deleteTag(String corpId, long tagId, Instant sourceEventTime,
                                                               String sourceEventId) {
        return Result.ok(members.delete(PathIds.corpId(corpId), PathIds.positive("tagId", tagId), sourceEventTime,
                PathIds.eventId(sourceEventId), RequestSource.of(request)));
    }
}
