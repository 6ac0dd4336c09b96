package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Operation-log entries as CSV (RFC 4180: every field quoted, quotes doubled). A field that a spreadsheet
 * would take for a formula ({@code = + - @}, tab, CR) gets a leading apostrophe, so opening the export
 * cannot run anything. Changes are already masked by mdm-service.
 */
final class OperLogCsv {

    private static final String[] HEADER = {"id", "time", "corpId", "action", "targetType", "targetId", "result",
            "changes", "operator", "caller", "sourceEventId", "traceId", "message"};

    private final StringBuilder text = new StringBuilder("\uFEFF");

    OperLogCsv() {
        line(HEADER);
    }

    void row(JsonNode entry) {
        StringBuilder changes = new StringBuilder();
        entry.path("changes").forEach(change -> changes.append(changes.isEmpty() ? "" : "; ")
                .append(change.path("field").asText()).append(": ").append(change.path("before").asText("∅"))
                .append(" → ").append(change.path("after").asText("∅")));
        line(entry.path("id").asText(), entry.path("time").asText(), text(entry, "corpId"), entry.path("action").asText(),
                entry.path("targetType").asText(), entry.path("targetId").asText(), entry.path("result").asText(),
                changes.toString(), text(entry, "operator"), text(entry, "caller"), text(entry, "sourceEventId"),
                text(entry, "traceId"), text(entry, "message"));
    }

    String text() {
        return text.toString();
    }

    private void line(String... fields) {
        for (int i = 0; i < fields.length; i++) {
            text.append(i == 0 ? "" : ",").append('"').append(safe(fields[i]).replace("\"", "\"\"")).append('"');
        }
        text.append("\r\n");
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    private static String safe(String field) {
        return !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    }
}
