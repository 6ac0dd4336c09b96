package io.wecomsync.mdm.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for user upserts, built from field name/value pairs. */
public final class UserBodies {

    private UserBodies() {
    }

    public static Map<String, Object> user(Instant sourceEventTime, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        body.put("sourceEventTime", sourceEventTime.toString());
        body.put("sourceEventId", "evt-" + sourceEventTime.getEpochSecond());
        return body;
    }
}
