package no.kontor.adapters.web.shared;

import java.util.regex.Pattern;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.MutableHttpResponse;

/**
 * ETags are the aggregate's version, quoted ({@code "3"}); an update must send the
 * one it read as {@code If-Match}: missing → 428, stale → 412 (by the use case).
 */
public final class Versions {
    private static final Pattern STRONG_ETAG = Pattern.compile("\"(\\d{1,18})\"");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static <T> MutableHttpResponse<T> tagged(MutableHttpResponse<T> response, long version) {
        return response.header("ETag", etag(version));
    }

    /** The version named by If-Match, or a problem: 428 when missing, 412 when it cannot match. */
    public static long expected(HttpRequest<?> request) {
        String ifMatch = request.getHeaders().get("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionProblem(HttpStatus.PRECONDITION_REQUIRED, "version.if-match-required",
                    "Send the ETag you read in an If-Match header, so that nobody's change is overwritten");
        }
        var m = STRONG_ETAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new PreconditionProblem(HttpStatus.PRECONDITION_FAILED, "version.if-match-invalid",
                    "If-Match must be one strong ETag as this API returned it, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    /** A refused precondition, rendered as a problem by {@link PreconditionProblemHandler}. */
    public static final class PreconditionProblem extends HttpStatusException {
        private final String code;

        PreconditionProblem(HttpStatus status, String code, String message) {
            super(status, message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
