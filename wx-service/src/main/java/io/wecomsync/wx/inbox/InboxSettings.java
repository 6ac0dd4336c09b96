package io.wecomsync.wx.inbox;

import io.wecomsync.common.config.LiveProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The inbox settings in force: batch size, poll interval, lease and the retry backoff apply from the
 * next round or retry after a change under {@code wx.inbox.}, without a restart. The worker's thread
 * count and the payload keys are read once at start.
 */
@Component
public class InboxSettings extends LiveProperties<InboxProperties> {

    InboxSettings(InboxProperties initial, Environment environment) {
        super("wx.inbox", InboxProperties.class, initial, environment);
    }
}
