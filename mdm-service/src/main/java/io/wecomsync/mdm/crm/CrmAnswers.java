package io.wecomsync.mdm.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What of a CRM's answer we keep: its status and, for a JSON answer, its error code — never the text.
 * A CRM's error message often quotes what it was sent ("mobile 138… already used by …"), and what we
 * keep lands in the operation log, the outbox's admin view and the attempt rows, which many people read.
 */
final class CrmAnswers {

    /** The fields CRMs commonly put their machine-readable error code in, in the order they are looked for. */
    private static final List<String> CODE_FIELDS = List.of("code", "errcode", "errorCode", "error_code", "error");
    /** A code is a short token; anything else (a sentence, a number with many digits) is not kept. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,40}");
    static final int LOOK_AT = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrmAnswers() {
    }

    /** {@code code=XYZ} when the answer is a JSON object with a code field holding a short token, otherwise null. */
    static String errorCode(byte[] body) {
        if (body == null || body.length == 0 || body.length > LOOK_AT) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        for (String field : CODE_FIELDS) {
            JsonNode value = root.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && CODE.matcher(value.asText()).matches()) {
                return "code=" + value.asText();
            }
        }
        return null;
    }

    /** For a CRM that could not be reached: the kind of failure, not its message (which may name hosts and paths). */
    static String failure(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName();
    }
}
