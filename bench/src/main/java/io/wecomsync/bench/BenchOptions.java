package io.wecomsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line: one benchmark's name, then {@code --name value} pairs. Options are checked against
 * what the benchmark reads before anything starts — a misspelt option used to be ignored, and the run
 * measured the defaults under the name of the trial.
 */
record BenchOptions(String benchmark, Map<String, String> values) {

    /** Options every benchmark reads: JVM options for all services or added for one, see {@link BenchJvm}. */
    static final Set<String> JVM = Set.of("jvm", "gateway-jvm", "wx-service-jvm", "mdm-service-jvm");

    static BenchOptions parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                words.add(args[i]);
            } else if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            } else if (values.put(args[i].substring(2), args[++i]) != null) {
                throw new IllegalArgumentException("option " + args[i - 1] + " is given twice");
            }
        }
        if (words.size() > 1) {
            throw new IllegalArgumentException("one benchmark at a time, not " + String.join(" and ", words));
        }
        return new BenchOptions(words.isEmpty() ? "" : words.get(0), values);
    }

    /** The values, once every option given is one {@code known} to the benchmark or a JVM option. */
    Map<String, String> readBy(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        unknown.removeAll(JVM);
        if (!unknown.isEmpty()) {
            Set<String> accepted = new TreeSet<>(known);
            accepted.addAll(JVM);
            throw new IllegalArgumentException(benchmark + " does not know --" + String.join(", --", unknown)
                    + " (it reads --" + String.join(", --", accepted) + ")");
        }
        return values;
    }
}
