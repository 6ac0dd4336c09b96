package io.wecomsync.bench;

import io.wecomsync.simulator.ContactEvents;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Realistic, all-distinct {@code change_contact} messages: message {@code n} updates user
 * {@code n mod users} with a new name and position, as an HR import would. Nothing repeats, so no
 * callback is a duplicate of another.
 */
final class LoadMessages implements LongFunction<String> {

    private final ContactEvents events = new ContactEvents(BenchSystem.CORP, Clock.systemUTC());
    private final String prefix;
    private final int users;

    LoadMessages(String prefix, int users) {
        this.prefix = prefix;
        this.users = users;
    }

    static String userId(String prefix, long i) {
        return prefix + "-" + i;
    }

    @Override
    public String apply(long n) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserID", userId(prefix, n % users));
        fields.put("Name", "压测" + n);
        fields.put("Position", "岗位" + (n % 97));
        fields.put("Department", String.valueOf(1 + n % 20));
        return events.message("update_user", fields);
    }
}
