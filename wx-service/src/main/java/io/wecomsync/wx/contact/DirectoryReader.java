package io.wecomsync.wx.contact;

import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import io.wecomsync.wx.app.WeComErrors;
import io.wecomsync.wx.app.WeComRead;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import me.chanjar.weixin.cp.bean.WxCpTagGetResult;
import me.chanjar.weixin.cp.bean.WxCpUser;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads directory details from WeCom through the corp's reader app, for events that carry IDs only.
 * A WeCom error is kept by its code: "busy" codes are worth retrying, the rest (no permission, new
 * server IP, not found) mean the details stay unknown — never invented.
 */
@Component
class DirectoryReader {

    private static final Logger log = LoggerFactory.getLogger(DirectoryReader.class);
    private final WxApps apps;

    DirectoryReader(WxApps apps) {
        this.apps = apps;
    }

    WeComRead<WxCpUser> user(String corpId, String userId) {
        return read(corpId, "user/get", app -> app.api().getUserService().getById(userId));
    }

    WeComRead<WxCpDepart> department(String corpId, long id) {
        return read(corpId, "department/get", app -> app.api().getDepartmentService().get(id));
    }

    WeComRead<WxCpTagGetResult> tag(String corpId, long tagId) {
        return read(corpId, "tag/get", app -> app.api().getTagService().get(String.valueOf(tagId)));
    }

    private <T> WeComRead<T> read(String corpId, String api, WeComCall<T> call) {
        Optional<WxApp> reader = apps.readerOf(corpId);
        if (reader.isEmpty()) {
            return WeComRead.unreadable(null);
        }
        try {
            return WeComRead.found(call.apply(reader.get()));
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            log.info("WeCom {} for corp {} answered error {}", api, corpId, code);
            return WeComErrors.isBusy(code) ? WeComRead.failed(api + ": WeCom error " + code)
                    : WeComRead.unreadable(api + ": WeCom error " + code + " (details left unknown)");
        } catch (WxRuntimeException e) {
            log.info("WeCom {} for corp {} failed: {}", api, corpId, e.getClass().getSimpleName());
            return WeComRead.failed(api + ": WeCom unreachable");
        } catch (RedisException e) {
            // the access token lives in Redis: without it no WeCom call can be made, yet nothing is wrong with the event
            log.info("WeCom {} for corp {}: token store unavailable ({})", api, corpId, e.getClass().getSimpleName());
            return WeComRead.failed(api + ": the token store (Redis) is unavailable");
        }
    }

    @FunctionalInterface
    private interface WeComCall<T> {
        T apply(WxApp app) throws WxErrorException;
    }
}
