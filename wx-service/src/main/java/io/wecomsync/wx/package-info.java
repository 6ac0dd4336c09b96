/**
 * wx-service: the WeCom side of wecom-sync. A callback goes {@code callback} (verify, decrypt) →
 * {@code inbox} (stored, answered) → {@code contact} (applied in order by the worker) → {@code mdm}
 * (mdm-service over Feign). {@code app} holds the configured WeCom apps, {@code xml} the safe parser,
 * {@code web} the admin API's error style.
 */
package io.wecomsync.wx;
