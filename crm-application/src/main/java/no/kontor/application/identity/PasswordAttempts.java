package no.kontor.application.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import no.kontor.application.identity.port.LoginThrottle;

/**
 * The throttle every password check goes through (a login, and the current password
 * when users change their own): how long to wait, if at all, before the check; a
 * failure counted per username and per client address; a success clearing the
 * username's count (not the address's).
 */
public final class PasswordAttempts {
    private final LoginThrottle throttle;
    private final LoginLimits limits;
    private final Clock clock;

    public PasswordAttempts(LoginThrottle throttle, LoginLimits limits, Clock clock) {
        this.throttle = throttle;
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the caller must wait before the password is even checked; empty when it may be checked now. */
    public Optional<Duration> wait(String username, String clientAddress) {
        Instant now = clock.instant();
        var byUser = throttle.userFailures(username, now.minus(limits.userWindow()));
        var byClient = throttle.clientFailures(clientAddress, now.minus(limits.clientWindow()));
        if (byUser.count() < limits.perUser() && byClient.count() < limits.perClient()) {
            return Optional.empty();
        }
        Duration wait = byUser.count() >= limits.perUser() ? byUser.until(now, limits.userWindow()) : Duration.ZERO;
        if (byClient.count() >= limits.perClient()) {
            Duration byAddress = byClient.until(now, limits.clientWindow());
            wait = wait.compareTo(byAddress) >= 0 ? wait : byAddress;
        }
        return Optional.of(wait);
    }

    /** Counts a wrong password, in the caller's transaction. */
    public void failed(String username, String clientAddress) {
        throttle.recordFailure(username, clientAddress, clock.instant());
    }

    /** A right password: the username's count starts again, in the caller's transaction. */
    public void succeeded(String username) {
        throttle.clearFailures(username);
    }
}
