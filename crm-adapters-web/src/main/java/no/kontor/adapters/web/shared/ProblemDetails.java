package no.kontor.adapters.web.shared;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail},
 * plus Kontor's stable {@code code}, a field-level {@code errors} list for
 * validation failures, and {@code conflict} details naming what a request
 * collided with.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, @Nullable String detail,
                             @Nullable String instance, @Nullable String code,
                             @Nullable List<FieldProblem> errors, @Nullable Map<String, Object> conflict) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kontor.no/problems/";

    @Serdeable
    public record FieldProblem(String field, String message, @Nullable String code) {
    }

    public static ProblemDetails of(int status, String title, String code, String detail, String instance) {
        return new ProblemDetails(TYPE_BASE + code, title, status, detail, instance, code, null, null);
    }

    public ProblemDetails withErrors(List<FieldProblem> fieldErrors) {
        return new ProblemDetails(type, title, status, detail, instance, code, fieldErrors, conflict);
    }

    public ProblemDetails withConflict(Map<String, Object> details) {
        return new ProblemDetails(type, title, status, detail, instance, code, errors, details);
    }
}
