package no.kontor.adapters.web.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.shared.ProblemDetails;
import no.kontor.adapters.web.shared.Problems;
import no.kontor.application.identity.TooManyAttemptsException;

/** Too many wrong passwords (a current password checked like a login): 429 with Retry-After, as the login answers. */
@Produces(ProblemDetails.MEDIA_TYPE)
@Singleton
public class TooManyAttemptsHandler implements ExceptionHandler<TooManyAttemptsException, HttpResponse<ProblemDetails>> {

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, TooManyAttemptsException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return Problems.respond(request, HttpStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage())
                .header("Retry-After", Long.toString(seconds));
    }
}
