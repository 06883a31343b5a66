package no.kontor.adapters.web.shared;

import java.util.regex.Pattern;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Small helpers that build problem responses and keep internals out of them. */
public final class Problems {
    private static final Pattern SERDE_PROPERTY = Pattern.compile("property \\[(?:[\\w.$<>\\[\\], ]+ )?(\\w+)\\]");
    private static final Pattern CLASS_NAMES = Pattern.compile("(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)");

    private Problems() {
    }

    public static MutableHttpResponse<ProblemDetails> respond(HttpRequest<?> request, HttpStatus status, String code, String detail) {
        return HttpResponse.<ProblemDetails>status(status)
                .body(ProblemDetails.of(status.getCode(), status.getReason(), code, detail, request.getPath()))
                .contentType(MediaType.of(ProblemDetails.MEDIA_TYPE));
    }

    /** {@code register.body.name} (Micronaut's path) or a serde message's property → {@code name}. */
    static String fieldName(String path) {
        var m = SERDE_PROPERTY.matcher(path);
        if (m.find()) {
            return m.group(1);
        }
        int body = path.indexOf("body.");
        if (body >= 0) {
            return path.substring(body + "body.".length());
        }
        return path;
    }

    /** Strips Java class names from framework messages: callers need the field, not our packages. */
    static String safeMessage(String message) {
        if (message == null) {
            return null;
        }
        return CLASS_NAMES.matcher(message).replaceAll("$1");
    }
}
