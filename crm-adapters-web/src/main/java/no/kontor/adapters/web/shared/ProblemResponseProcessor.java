package no.kontor.adapters.web.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Renders every error Micronaut itself raises (no such route, wrong method,
 * unreadable JSON, a wrong type, a missing argument, an oversize body, a bean
 * validation failure) as an RFC 9457 problem. Kontor's own domain errors go
 * through {@link DomainExceptionHandler}; both end up in the same shape.
 */
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<ProblemDetails> {

    @Override
    @NonNull
    public MutableHttpResponse<ProblemDetails> processResponse(@NonNull ErrorContext context,
                                                               @NonNull MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        var fieldErrors = new ArrayList<ProblemDetails.FieldProblem>();
        String detail = null;
        var serde = Problems.serdeCause(context.getRootCause().orElse(null));
        var violations = Problems.violationCause(context.getRootCause().orElse(null));
        if (serde != null) {
            detail = Problems.serdeMessage(serde);
            fieldErrors.add(new ProblemDetails.FieldProblem(Problems.serdeField(serde), detail,
                    Problems.refusedText(context.getRootCause().orElse(null)) ? Text.CODE : "json.invalid"));
        } else if (violations != null) {
            detail = "The input is not valid";
            violations.getConstraintViolations().forEach(v -> fieldErrors.add(new ProblemDetails.FieldProblem(
                    Problems.violationField(v), v.getMessage(), Problems.violationCode(v))));
        }
        for (Error error : serde != null || violations != null ? List.<Error>of() : context.getErrors()) {
            String message = Problems.safeMessage(error.getMessage());
            if (detail == null) {
                detail = message;
            }
            error.getPath().ifPresent(path -> fieldErrors.add(new ProblemDetails.FieldProblem(Problems.fieldName(path), message, null)));
        }
        String code = codeFor(status);
        var problem = ProblemDetails.of(status.getCode(), status.getReason(), code, detail, context.getRequest().getPath());
        if (!fieldErrors.isEmpty()) {
            problem = problem.withErrors(List.copyOf(fieldErrors));
        }
        return base.body(problem).contentType(MediaType.of(ProblemDetails.MEDIA_TYPE));
    }

    private static String codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "request.invalid";
            case NOT_FOUND -> "resource.not-found";
            case UNAUTHORIZED -> "auth.required";
            case FORBIDDEN -> "access.denied";
            case METHOD_NOT_ALLOWED -> "method.not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "media-type.unsupported";
            case REQUEST_ENTITY_TOO_LARGE -> "request.too-large";
            case NOT_ACCEPTABLE -> "media-type.not-acceptable";
            default -> "http." + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
