package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.TagMembersRequest;
import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.mdm.MdmRejectedException;
import me.chanjar.weixin.cp.bean.WxCpTagGetResult;
import me.chanjar.weixin.cp.bean.WxCpUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code update_tag}. As WeCom advises, the tag is re-read ({@code tag/get}) when the corp has a reader
 * app and its full member lists replace ours; otherwise the event's add/remove lists are applied.
 */
@Component
class TagChangeHandler {

    private final MdmCalls mdm;
    private final DirectoryReader directory;
    private final Clock clock;

    TagChangeHandler(MdmCalls mdm, DirectoryReader directory, Clock clock) {
        this.mdm = mdm;
        this.directory = directory;
        this.clock = clock;
    }

    HandlerOutcome update(InboxEvent event, ContactMessage message) {
        Long tagId = message.number("TagId");
        if (tagId == null || tagId <= 0) {
            return new HandlerOutcome.Dead("update_tag without a valid TagId");
        }
        String eventId = message.eventId();
        // what the read returns is at least as new as this; a second earlier, so that a delta of the same
        // WeCom second (CreateTime has whole seconds) that the read may have missed is still applied
        Instant readFrom = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        WeComRead<WxCpTagGetResult> read = directory.tag(event.corpId(), tagId);
        if (read.failed()) {
            throw new WeComBusyException(read.error());
        }
        TagMembersRequest request;
        if (read.value() != null) {
            WxCpTagGetResult tag = read.value();
            List<String> users = tag.getUserlist() == null ? List.of()
                    : tag.getUserlist().stream().map(WxCpUser::getUserId).toList();
            List<Long> departments = tag.getPartylist() == null ? List.of()
                    : tag.getPartylist().stream().map(Integer::longValue).toList();
            request = new TagMembersRequest(tag.getTagname(), null, null, null, null, users, departments, eventId, readFrom);
        } else {
            request = new TagMembersRequest(null, message.list("AddUserItems"), message.list("DelUserItems"),
                    ids(message.list("AddPartyItems")), ids(message.list("DelPartyItems")), null, null, eventId,
                    message.eventTime());
            if (request.addUsers() == null && request.removeUsers() == null
                    && request.addDepartments() == null && request.removeDepartments() == null) {
                return new HandlerOutcome.Done(List.of(), joined(read.error(), "nothing to change"));
            }
        }
        mdm.call("update tag members", api -> api.updateTagMembers(event.corpId(), tagId, request));
        return new HandlerOutcome.Done(List.of(), read.error());
    }

    /** {@code delete_tag}, from a reconciliation: the tag and its members go; one mdm-service does not hold is done. */
    HandlerOutcome delete(InboxEvent event, ContactMessage message) {
        Long tagId = message.number("TagId");
        if (tagId == null || tagId <= 0) {
            return new HandlerOutcome.Dead("delete_tag without a valid TagId");
        }
        try {
            mdm.call("delete tag", api -> api.deleteTag(event.corpId(), tagId, message.eventTime(), message.eventId()));
            return HandlerOutcome.done();
        } catch (MdmRejectedException e) {
            if (e.isNotFound()) {
                return new HandlerOutcome.Done(List.of(), "tag was not in mdm-service; nothing to delete");
            }
            throw e;
        }
    }

    private static List<Long> ids(List<String> values) {
        return values == null ? null : values.stream().map(Long::parseLong).toList();
    }

    private static String joined(String first, String second) {
        return first == null ? second : first + "; " + second;
    }
}
