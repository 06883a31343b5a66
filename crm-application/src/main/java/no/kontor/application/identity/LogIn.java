package no.kontor.application.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import no.kontor.application.shared.Transactions;
import no.kontor.domain.identity.StaffUser;

/**
 * A member of staff proves who they are with a username and a password. Repeated
 * failures are throttled per user and per client address; a throttled attempt is
 * not even checked, and does not count as a new failure, so the lock lifts when
 * the window has passed. An unknown username costs the same hash work as a wrong
 * password, so timing tells nothing.
 */
public final class LogIn {
    private final StaffUsers users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginLimits limits;
    private final Transactions tx;
    private final Clock clock;
    private final String dummyHash;

    public LogIn(StaffUsers users, PasswordHasher hasher, LoginThrottle throttle, LoginLimits limits, Transactions tx, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.limits = limits;
        this.tx = tx;
        this.clock = clock;
        this.dummyHash = hasher.hash("not-a-password-anyone-has".toCharArray());
    }

    public record Command(String username, char[] password, String clientAddress) {
    }

    /** The outcome: a user, a refusal, or a wait. */
    public sealed interface Result {
        record LoggedIn(StaffUser user) implements Result {
        }

        record Refused() implements Result {
        }

        record Throttled(Duration retryAfter) implements Result {
        }
    }

    public Result execute(Command command) {
        try {
            String username = command.username() == null ? "" : command.username().strip().toLowerCase(Locale.ROOT);
            Instant now = clock.instant();
            var byUser = throttle.userFailures(username, now.minus(limits.userWindow()));
            var byClient = throttle.clientFailures(command.clientAddress(), now.minus(limits.clientWindow()));
            if (byUser.count() >= limits.perUser() || byClient.count() >= limits.perClient()) {
                Duration wait = byUser.count() >= limits.perUser() ? byUser.until(now, limits.userWindow()) : Duration.ZERO;
                if (byClient.count() >= limits.perClient()) {
                    wait = max(wait, byClient.until(now, limits.clientWindow()));
                }
                return new Result.Throttled(wait);
            }
            var user = users.findByUsername(username);
            boolean matches = hasher.matches(command.password(), user.map(StaffUser::getPasswordHash).orElse(dummyHash));
            if (matches && user.get().isActive()) {
                tx.inTransaction(() -> {
                    throttle.clearFailures(username);
                    return null;
                });
                return new Result.LoggedIn(user.get());
            }
            tx.inTransaction(() -> {
                throttle.recordFailure(username, command.clientAddress(), now);
                return null;
            });
            return new Result.Refused();
        } finally {
            Arrays.fill(command.password(), '\0');
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
