package no.kontor.application.identity.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins, counted where every node sees them (the database), per username
 * and per client address.
 */
public interface LoginThrottle {

    /** Failures for the username since {@code since}, and the oldest of them (null if none). */
    Window userFailures(String username, Instant since);

    /** Failures from the client address since {@code since}, and the oldest of them. */
    Window clientFailures(String clientAddress, Instant since);

    void recordFailure(String username, String clientAddress, Instant at);

    /** After a success: the user's count starts again; the client address's count does not. */
    void clearFailures(String username);

    record Window(long count, Instant oldest) {
        /** How long until the oldest counted failure leaves a window of {@code length}. */
        public Duration until(Instant now, Duration length) {
            return oldest == null ? Duration.ZERO : Duration.between(now, oldest.plus(length)).plusSeconds(1);
        }
    }
}
