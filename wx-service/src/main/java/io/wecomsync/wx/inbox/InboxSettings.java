package io.wecomsync.wx.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The inbox settings in force. When the environment changes under {@code wx.inbox.} (a Nacos push
 * triggers an {@link EnvironmentChangeEvent}), they are bound again, so batch size, poll interval,
 * lease and the retry backoff apply from the next round or retry without a restart. The worker's
 * thread count and the payload keys are read once at start.
 */
@Component
public class InboxSettings implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(InboxSettings.class);
    private static final String PREFIX = "wx.inbox";

    private final Environment environment;
    private volatile InboxProperties current;

    InboxSettings(InboxProperties initial, Environment environment) {
        this.current = initial;
        this.environment = environment;
    }

    public InboxProperties current() {
        return current;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(PREFIX + "."))) {
            return;
        }
        try {
            current = Binder.get(environment).bindOrCreate(PREFIX, InboxProperties.class);
            log.info("inbox settings changed: {}", current);
        } catch (RuntimeException e) {
            log.error("inbox settings not changed: the new values do not bind ({})", e.getMessage());
        }
    }
}
