package no.kontor.adapters.web.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces(ProblemDetails.MEDIA_TYPE)
@Singleton
public class PreconditionProblemHandler implements ExceptionHandler<Versions.PreconditionProblem, HttpResponse<ProblemDetails>> {

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, Versions.PreconditionProblem e) {
        return Problems.respond(request, e.getStatus(), e.code(), e.getMessage());
    }
}
