package io.wecomsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's results: a Markdown table for people and the raw figures as JSON, side by side in {@code bench/results/}. */
final class Results {

    private final String name;
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    Results(String name) {
        this.name = name;
        raw.put("benchmark", name);
        raw.put("machine", Machine.describe());
    }

    /** One line of the table, also kept in the JSON under {@code key}. */
    void row(String key, String what, Object value, String goal) {
        rows.add(new String[]{what, String.valueOf(value), goal == null ? "" : goal});
        raw.put(key, value);
    }

    void raw(String key, Object value) {
        raw.put(key, value);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("### " + name + "\n\n").append(Machine.describe()).append("\n\n")
                .append("| measure | value | goal |\n|---|---|---|\n");
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return md.toString();
    }

    /** Writes {@code <dir>/<name>-<time>.md} and {@code .json}; answers the Markdown file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stem = name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.writeString(dir.resolve(stem + ".json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(raw));
        Path md = dir.resolve(stem + ".md");
        Files.writeString(md, markdown());
        return md;
    }
}
