package no.kontor.adapters.web.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.UnprocessableException;
import no.kontor.domain.shared.ValidationException;

/** Maps the domain's errors to problem types: the one place where a code meets a status. */
@Produces(ProblemDetails.MEDIA_TYPE)
@Singleton
public class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<ProblemDetails>> {

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, DomainException e) {
        HttpStatus status = statusOf(e);
        var response = Problems.respond(request, status, e.code(), e.getMessage());
        var problem = response.body();
        if (e instanceof ValidationException v) {
            problem = problem.withErrors(v.errors().stream()
                    .map(err -> new ProblemDetails.FieldProblem(err.field(), err.message(), err.code()))
                    .toList());
            problem = new ProblemDetails(problem.type(), problem.title(), problem.status(),
                    "The input is not valid", problem.instance(), problem.code(), problem.errors(), null);
        } else if (e instanceof ConflictException c && !c.details().isEmpty()) {
            problem = problem.withConflict(c.details());
        }
        return response.body(problem);
    }

    static HttpStatus statusOf(DomainException e) {
        if (e instanceof ValidationException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof StaleVersionException) {
            return HttpStatus.PRECONDITION_FAILED;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof UnprocessableException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.BAD_REQUEST; // an InvalidValueException or another refused value
    }
}
