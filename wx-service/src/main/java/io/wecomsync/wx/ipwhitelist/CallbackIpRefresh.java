package io.wecomsync.wx.ipwhitelist;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wecomsync.common.mdm.LoginIpRefreshFailure;
import io.wecomsync.common.mdm.LoginIpReplaceRequest;
import io.wecomsync.common.mdm.LoginIpSetResponse;
import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.notify.AdminNotices;
import io.wecomsync.wx.notify.NoticeKind;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads WeCom's callback IPs through one app of each corp and replaces mdm-service's list with their
 * union. A corp whose read fails or comes back empty is reported and left out; when no corp gave any
 * address the list in mdm-service is not touched — it is never replaced by an empty one.
 */
@Service
public class CallbackIpRefresh {

    private static final Logger log = LoggerFactory.getLogger(CallbackIpRefresh.class);

    private final WxApps apps;
    private final MdmCalls mdm;
    private final CallbackIpJobProperties properties;
    private final MeterRegistry registry;
    private final AdminNotices notices;

    CallbackIpRefresh(WxApps apps, MdmCalls mdm, CallbackIpJobProperties properties, MeterRegistry registry,
                      AdminNotices notices) {
        this.notices = notices;
        this.apps = apps;
        this.mdm = mdm;
        this.properties = properties;
        this.registry = registry;
        // registered at zero, so an alert on them has a series before the first failure
        List.of("fetch", "store").forEach(stage -> failures(stage));
    }

    public Outcome run() {
        TreeSet<String> ips = new TreeSet<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (WxApp app : onePerCorp()) {
            try {
                String[] fetched = app.api().getCallbackIp();
                if (fetched == null || fetched.length == 0) {
                    problems.put(app.corpId(), "WeCom returned no addresses");
                } else {
                    ips.addAll(List.of(fetched));
                }
            } catch (WxErrorException e) {
                problems.put(app.corpId(), "WeCom error " + e.getError().getErrorCode());
            } catch (RuntimeException e) {
                problems.put(app.corpId(), e.getClass().getSimpleName());
            }
        }
        problems.forEach((corp, problem) -> {
            failure("fetch");
            log.warn("getcallbackip for corp {} failed: {}", corp, problem);
        });
        if (ips.isEmpty()) {
            log.warn("no WeCom callback IPs were read; mdm-service keeps its {} list", properties.loginIpType());
            report(problems);
            notices.raise(NoticeKind.CALLBACK_IP_REFRESH_FAILED, "all", null, "没有读到任何回调 IP：" + problems);
            return new Outcome(false, List.of(), problems);
        }
        try {
            LoginIpSetResponse stored = mdm.call("replace login IPs", api -> api.replaceLoginIps(properties.loginIpType(),
                    new LoginIpReplaceRequest(new ArrayList<>(ips), "wx-service getcallbackip")));
            log.info("WeCom callback IP list replaced: {} addresses", stored.ips().size());
            notices.resolve(NoticeKind.CALLBACK_IP_REFRESH_FAILED, "all");
            return new Outcome(true, stored.ips(), problems);
        } catch (RuntimeException e) {
            failure("store");
            log.warn("could not store WeCom callback IPs in mdm-service: {}", e.getMessage());
            problems.put("mdm-service", e.getMessage());
            notices.raise(NoticeKind.CALLBACK_IP_REFRESH_FAILED, "all", null, "读到的回调 IP 未能写入 mdm-service");
            return new Outcome(false, List.copyOf(ips), problems);
        }
    }

    /** Puts the failure in mdm-service's operation log; if that fails too, the log line and metric remain. */
    private void report(Map<String, String> problems) {
        String problem = problems.isEmpty() ? "no corp configured" : problems.toString();
        try {
            mdm.call("report refresh failure", api -> api.reportRefreshFailure(properties.loginIpType(),
                    new LoginIpRefreshFailure("wx-service getcallbackip", problem.length() <= 400 ? problem : problem.substring(0, 400))));
        } catch (RuntimeException e) {
            log.warn("could not report the failed refresh to mdm-service: {}", e.getMessage());
        }
    }

    private List<WxApp> onePerCorp() {
        Map<String, WxApp> chosen = new LinkedHashMap<>();
        for (WxApp app : apps.all()) {
            chosen.putIfAbsent(app.corpId(), apps.readerOf(app.corpId()).orElse(app));
        }
        return List.copyOf(chosen.values());
    }

    private void failure(String stage) {
        failures(stage).increment();
    }

    private Counter failures(String stage) {
        return Counter.builder("wecom.jobs.callback-ip.failed").tag("stage", stage)
                .description("failed reads or writes of WeCom's callback IPs").register(registry);
    }

    /** What a run did: whether mdm-service's list was replaced, with what, and what went wrong per corp. */
    public record Outcome(boolean replaced, List<String> ips, Map<String, String> problems) {

        /** One line for the operation log: what was replaced, and which corps failed (no addresses). */
        public String summary() {
            return (replaced ? "replaced with " + ips.size() + " addresses" : "not replaced")
                    + (problems.isEmpty() ? "" : "; failed for " + String.join(", ", problems.keySet()));
        }
    }
}
