package io.wecomsync.wx.notify;

import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import io.wecomsync.common.config.LiveProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The admin-notification settings in force. Switched on without recipients, or naming a corp or app
 * wx-service does not have, the start stops with the property named; the same mistake in a change at
 * run time is refused and the settings in force stay.
 */
@Component
public class NotifySettings extends LiveProperties<NotifyProperties> {

    private final WxApps apps;

    NotifySettings(NotifyProperties initial, WxApps apps, Environment environment) {
        super("wx.notify", NotifyProperties.class, initial, environment);
        this.apps = apps;
        List<String> problems = problems(initial);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("wx.notify is not valid: " + String.join("; ", problems));
        }
    }

    /** The app that sends, when the settings name one that exists. */
    public Optional<WxApp> sender() {
        return sender(current());
    }

    @Override
    protected List<String> problems(NotifyProperties candidate) {
        List<String> problems = new ArrayList<>();
        if (!candidate.enabled()) {
            return problems;
        }
        if (!candidate.hasRecipients()) {
            problems.add("wx.notify.enabled is true but neither wx.notify.to-users nor wx.notify.to-tags names anyone");
        }
        TreeSet<String> corps = new TreeSet<>();
        apps.all().forEach(app -> corps.add(app.corpId()));
        if (candidate.corpId() == null && corps.size() != 1) {
            problems.add("wx.notify.corp-id is needed: wx-service serves " + corps.size() + " corps " + corps);
        } else if (candidate.corpId() != null && !corps.contains(candidate.corpId())) {
            problems.add("wx.notify.corp-id " + candidate.corpId() + " names no corp of wx.cp.application (known: " + corps + ")");
        } else if (sender(candidate).isEmpty()) {
            problems.add("wx.notify.agent-id " + candidate.agentId() + " names no app of corp "
                    + (candidate.corpId() == null ? corps.first() : candidate.corpId()) + " that can call WeCom's API");
        }
        return problems;
    }

    private Optional<WxApp> sender(NotifyProperties settings) {
        String corp = settings.corpId();
        if (corp == null) {
            List<String> corps = apps.all().stream().map(WxApp::corpId).distinct().toList();
            if (corps.size() != 1) {
                return Optional.empty();
            }
            corp = corps.get(0);
        }
        String corpId = corp;
        Optional<WxApp> app = settings.agentId() != null ? apps.find(corp, settings.agentId())
                : apps.readerOf(corp).or(() -> apps.all().stream().filter(a -> a.corpId().equals(corpId)).findFirst());
        return app.filter(found -> found.api() != null);
    }
}
