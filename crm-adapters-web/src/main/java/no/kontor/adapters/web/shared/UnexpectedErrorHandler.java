package no.kontor.adapters.web.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
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
 * What no other handler took. A database that cannot be reached (connection
 * refused, terminated, the pool timing out) is 503 with Retry-After: the request
 * can be tried again. Anything else is a bug: 500 with an incident id that is in
 * the log beside the stack trace, and nothing of the exception in the answer. The
 * incident id is the request id (RequestIds): the answer's X-Request-Id, and on every log line
 * written while serving it.
 */
@Produces(ProblemDetails.MEDIA_TYPE)
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<ProblemDetails>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, RuntimeException e) {
        if (databaseUnavailable(e)) {
            LOG.warn("{} {}: the database is unavailable: {}", request.getMethod(), request.getPath(), e.toString());
            return Problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "service.database-unavailable",
                    "The database cannot be reached just now; nothing was changed. Try again shortly.")
                    .header("Retry-After", "5");
        }
        // the request id (X-Request-Id, and on every log line of the request): what a user quotes
        String incident = RequestIds.of(request).orElseGet(() -> UUID.randomUUID().toString());
        LOG.error("{} {}: unexpected error, incident {}", request.getMethod(), request.getPath(), incident, e);
        return Problems.respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal.error",
                "An unexpected error happened and was logged as incident " + incident);
    }

    static boolean databaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true; // connection exceptions; admin shutdown, crash shutdown, cannot connect now
                }
                if (state == null && String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connection")) {
                    return true; // the pool's closed-connection proxy ("Connection is closed") has no SQLState
                }
            }
        }
        return false;
    }
}
