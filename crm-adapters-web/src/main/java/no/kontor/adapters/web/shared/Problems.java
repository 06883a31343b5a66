package no.kontor.adapters.web.shared;

import java.util.regex.Pattern;

import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.validation.ConstraintViolationException;

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

    /** The JSON (de)serialisation error behind a failure, if that is what it was. */
    static SerdeException serdeCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SerdeException s) {
                return s;
            }
        }
        return null;
    }

    static ConstraintViolationException violationCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c) {
                return c;
            }
        }
        return null;
    }

    /** The path of the JSON property that failed ({@code visitingAddress.postalCode}), or {@code body}. */
    static String serdeField(SerdeException e) {
        var path = new StringBuilder();
        for (ReferencePath ref : e.getPath()) {
            if (ref instanceof CollectionItemReferencePath item) {
                path.append('[').append(item.index()).append(']');
            } else if (ref instanceof PropertyReferencePath property) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(property.property().getName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The parser's sentence without the source location and class names. */
    static String serdeMessage(SerdeException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.indexOf("\n at [");
        if (at >= 0) {
            m = m.substring(0, at);
        }
        return safeMessage(m.strip());
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
