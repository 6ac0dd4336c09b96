package io.wecomsync.wx.reconcile;

import io.wecomsync.common.config.LiveProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The reconciliation settings in force; each run takes them as they are when it starts. */
@Component
class ReconcileSettings extends LiveProperties<ReconcileProperties> {

    ReconcileSettings(ReconcileProperties initial, Environment environment) {
        super("wx.reconcile", ReconcileProperties.class, initial, environment);
    }
}
