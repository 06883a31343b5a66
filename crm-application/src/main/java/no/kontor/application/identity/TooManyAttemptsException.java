package no.kontor.application.identity;

import java.time.Duration;

import no.kontor.domain.shared.DomainException;

/** Too many wrong passwords for this user or from this address: wait {@link #retryAfter()}. */
public class TooManyAttemptsException extends DomainException {
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("auth.login-throttled", "Too many failed password attempts; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
