package io.wecomsync.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** WeCom's answer envelope: {@code errcode} 0 and {@code errmsg} "ok", or an error's code and message. */
final class Answers {

    static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    static ObjectNode ok() {
        return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    }

    static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("errcode", code).put("errmsg", message);
    }
}
