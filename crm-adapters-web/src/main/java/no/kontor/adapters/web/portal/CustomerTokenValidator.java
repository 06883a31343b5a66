package no.kontor.adapters.web.portal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.reactivestreams.Publisher;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import no.kontor.application.portal.CustomerSessionCheck;
import no.kontor.application.portal.CustomerTokens;

/**
 * A bearer token of My page ({@code kp_…}) is a customer session, checked in the database on
 * every request (open, not idle) off the event loop. Any other token is left to the staff
 * (JWT) validator, and a customer token is never a JWT, so neither realm's token can pass
 * as the other's.
 */
@Singleton
public class CustomerTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final CustomerSessionCheck sessions;
    private final ExecutorService blocking;

    public CustomerTokenValidator(CustomerSessionCheck sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || !token.startsWith(CustomerTokens.PREFIX)) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(
                () -> sessions.customer(token).map(Customers::authentication).orElse(null), blocking));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100; // before the JWT validator, which would only fail to parse it
    }
}
