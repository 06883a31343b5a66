package no.kontor.adapters.web.shared;

import java.util.regex.Pattern;

import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

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

    /** Whether a body was refused for a character its text may not hold. */
    static boolean refusedText(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StrictStringDeserializer.RefusedText) {
                return true;
            }
        }
        return false;
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
        var outermostFirst = new java.util.ArrayList<>(e.getPath());
        java.util.Collections.reverse(outermostFirst); // serde lists the innermost property first
        for (ReferencePath ref : outermostFirst) {
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
        if (path.startsWith("/")) {
            path = path.substring(1); // a query parameter or path variable that did not convert: "/seller"
        }
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

    /**
     * The field a bean-validation failure is about, as a client names it: a query
     * parameter ({@code search.seller} → {@code seller}), a body property
     * ({@code register.body.visitingAddress.postalCode} → {@code visitingAddress.postalCode}),
     * a list item ({@code draft.body.saleIds[0].<list element>} → {@code saleIds[0]}).
     */
    static String violationField(ConstraintViolation<?> violation) {
        var nodes = new java.util.ArrayList<Path.Node>();
        violation.getPropertyPath().forEach(nodes::add);
        var field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.BEAN
                    || kind == ElementKind.PARAMETER && i + 1 < nodes.size()) {
                continue; // the method, and the body parameter whose properties follow
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
        return field.isEmpty() ? fieldName(violation.getPropertyPath().toString()) : field.toString();
    }

    /** A violation's code: a few constraints have their own, the rest are field.invalid. */
    static String violationCode(ConstraintViolation<?> violation) {
        var descriptor = violation.getConstraintDescriptor();
        var annotation = descriptor == null ? null : descriptor.getAnnotation();
        if (annotation != null && annotation.annotationType() == EntityId.class) {
            return EntityId.CODE;
        }
        return "field.invalid";
    }

    /** Strips Java class names from framework messages: callers need the field, not our packages. */
    static String safeMessage(String message) {
        if (message == null) {
            return null;
        }
        return CLASS_NAMES.matcher(message).replaceAll("$1");
    }
}
