package no.kontor.adapters.web.shared;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * An {@link IllegalArgumentException} that no check at the boundary caught: a
 * value object refusing a value it was handed (an id that is not positive, a
 * number out of range). It came from the request, so it is the client's 400, not
 * the server's 500 — with nothing of its text in the answer (it may name our
 * classes) and the stack trace in the log under an incident id, because a check
 * belongs at the boundary, where the answer can name the field.
 */
@Produces(ProblemDetails.MEDIA_TYPE)
@Singleton
public class InvalidArgumentHandler implements ExceptionHandler<IllegalArgumentException, HttpResponse<ProblemDetails>> {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidArgumentHandler.class);

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, IllegalArgumentException e) {
        // the request id (X-Request-Id, and on every log line of the request): what a user quotes
        String incident = RequestIds.of(request).orElseGet(() -> UUID.randomUUID().toString());
        LOG.warn("{} {}: a value was refused past the boundary, incident {}", request.getMethod(), request.getPath(), incident, e);
        return Problems.respond(request, HttpStatus.BAD_REQUEST, "request.invalid",
                "A value in the request is not valid (incident " + incident + ")");
    }
}
