package no.kontor.adapters.web.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import no.kontor.application.shared.RequestMismatchException;

/** An idempotency key sent again with another body: 422, nothing done. */
@Produces(ProblemDetails.MEDIA_TYPE)
@Singleton
public class RequestMismatchHandler implements ExceptionHandler<RequestMismatchException, HttpResponse<ProblemDetails>> {

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, RequestMismatchException e) {
        return Problems.respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key-reused", e.getMessage());
    }
}
