package io.wecomsync.wx.contact;

import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import io.wecomsync.wx.app.WeComErrors;
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

    Lookup<WxCpUser> user(String corpId, String userId) {
        return read(corpId, "user/get", app -> app.api().getUserService().getById(userId));
    }

    Lookup<WxCpDepart> department(String corpId, long id) {
        return read(corpId, "department/get", app -> app.api().getDepartmentService().get(id));
    }

    Lookup<WxCpTagGetResult> tag(String corpId, long tagId) {
        return read(corpId, "tag/get", app -> app.api().getTagService().get(String.valueOf(tagId)));
    }

    private <T> Lookup<T> read(String corpId, String api, WeComCall<T> call) {
        Optional<WxApp> reader = apps.readerOf(corpId);
        if (reader.isEmpty()) {
            return Lookup.noReader();
        }
        try {
            return Lookup.found(call.apply(reader.get()));
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            log.info("WeCom {} for corp {} answered error {}", api, corpId, code);
            return WeComErrors.isBusy(code) ? Lookup.busy(api, code) : Lookup.unreadable(api, code);
        } catch (WxRuntimeException e) {
            log.info("WeCom {} for corp {} failed: {}", api, corpId, e.getClass().getSimpleName());
            return Lookup.busy(api, null);
        } catch (RedisException e) {
            // the access token lives in Redis: without it no WeCom call can be made, yet nothing is wrong with the event
            log.info("WeCom {} for corp {}: token store unavailable ({})", api, corpId, e.getClass().getSimpleName());
            return new Lookup<>(null, true, api + ": the token store (Redis) is unavailable");
        }
    }

    @FunctionalInterface
    private interface WeComCall<T> {
        T apply(WxApp app) throws WxErrorException;
    }

    /**
     * The result of one read: the value, or why there is none.
     *
     * @param retryable whether trying later may succeed (WeCom busy or unreachable)
     * @param problem   what to record, e.g. {@code "user/get: WeCom error 48009"}; null when found or no reader
     */
    record Lookup<T>(T value, boolean retryable, String problem) {

        static <T> Lookup<T> found(T value) {
            return new Lookup<>(value, false, null);
        }

        static <T> Lookup<T> noReader() {
            return new Lookup<>(null, false, null);
        }

        static <T> Lookup<T> busy(String api, Integer code) {
            return new Lookup<>(null, true, api + (code == null ? ": WeCom unreachable" : ": WeCom error " + code));
        }

        static <T> Lookup<T> unreadable(String api, int code) {
            return new Lookup<>(null, false, api + ": WeCom error " + code + " (details left unknown)");
        }
    }
}
