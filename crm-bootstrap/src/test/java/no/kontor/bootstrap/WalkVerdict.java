package no.kontor.bootstrap;

import java.util.Map;

/**
 * The OpenAPI walk's judgement of one answer: never a 5xx, and every 4xx a problem
 * document ({@code application/problem+json}) with {@code status} and {@code code}.
 * Anything else passes: the walk sends nonsense, so which 4xx it earns is the
 * endpoint's own tests' business.
 */
final class WalkVerdict {
    private WalkVerdict() {
    }

    /** Why the answer is wrong, or null when it is acceptable. */
    static String fault(int status, String contentType, String body) {
        if (status >= 500) {
            return "answered " + status;
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return status + " without a problem document (Content-Type " + contentType + ")";
        }
        Map<String, Object> problem;
        try {
            problem = Json.object(body);
        } catch (RuntimeException e) {
            return status + " with a problem document that is not JSON";
        }
        if (!(problem.get("status") instanceof Number n) || n.intValue() != status) {
            return status + " with a problem document whose status is " + problem.get("status");
        }
        if (!(problem.get("code") instanceof String code) || code.isBlank()) {
            return status + " with a problem document without a code";
        }
        return null;
    }
}
