package io.wecomsync.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What wx-service or mdm-service answered: the {@code data} of its {@code Result}, or the problem in
 * words an operator can act on (the service's own message for a refusal; never a stack trace).
 */
public record ServiceAnswer(int status, JsonNode data, String problem) {

    public boolean ok() {
        return problem == null;
    }

    static ServiceAnswer unreachable(String what) {
        return new ServiceAnswer(503, MissingNode.getInstance(), what);
    }
}
