package io.wecomsync.mdm.fieldtime;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each field of a user or department was last set, by source event time. A write may set a field only if it
 * is not older than what set the field last — so an older event still fills fields that newer events
 * did not touch, but never overwrites a newer value. Stored as a small JSON object of epoch millis.
 */
public final class FieldTimes {

    private final Map<String, Long> times;
    private boolean changed;

    private FieldTimes(Map<String, Long> times) {
        this.times = times;
    }

    /**
     * A row written before it kept field times: every one of {@code fields} counts as set at
     * {@code lastEventTime}, so an older event cannot overwrite it.
     */
    public static FieldTimes parseOr(String stored, Instant lastEventTime, String... fields) {
        if (stored != null || lastEventTime == null) {
            return parse(stored);
        }
        Map<String, Long> times = new TreeMap<>();
        for (String field : fields) {
            times.put(field, lastEventTime.toEpochMilli());
        }
        return new FieldTimes(times);
    }

    public static FieldTimes parse(String stored) {
        Map<String, Long> times = new TreeMap<>();
        if (stored != null && stored.length() > 2) {
            for (String entry : stored.substring(1, stored.length() - 1).split(",")) {
                String[] pair = entry.split(":");
                if (pair.length == 2) {
                    times.put(pair[0].strip().replace("\"", ""), Long.parseLong(pair[1].strip()));
                }
            }
        }
        return new FieldTimes(times);
    }

    /** Whether an event at {@code time} may set {@code field}; if so, the field is marked with that time. */
    public boolean claim(String field, Instant time) {
        Long last = times.get(field);
        long millis = time.toEpochMilli();
        if (last != null && last > millis) {
            return false;
        }
        if (last == null || last < millis) {
            times.put(field, millis);
            changed = true;
        }
        return true;
    }

    /** When {@code field} was last set, or {@code null}. */
    public Instant of(String field) {
        Long millis = times.get(field);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public boolean changed() {
        return changed;
    }

    public String serialize() {
        StringBuilder json = new StringBuilder("{");
        times.forEach((field, millis) -> json.append(json.length() > 1 ? "," : "").append('"').append(field)
                .append("\":").append(millis));
        return json.append('}').toString();
    }
}
