package no.kontor.application.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.StaffUser;
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.identity.port.StaffUsers;

/**
 * A member of staff proves who they are with a username and a password. Repeated
 * failures are throttled per user and per client address; a throttled attempt is
 * not even checked, and does not count as a new failure, so the lock lifts when
 * the window has passed. An unknown username costs the same hash work as a wrong
 * password, so timing tells nothing; a password longer than the hash takes is a
 * wrong password, counted like any other.
 *
 * <p>Every checked attempt is audited (record type {@code login}, the username
 * tried as its id, never the password): a success with the user as actor, a
 * failure with actor {@code public}, the client address and the reason
 * ({@code bad-credentials} for a wrong password and for an unknown username alike,
 * so the log does not tell which usernames exist; {@code inactive} for a right
 * password of a deactivated user). Throttled attempts are not audited: they are
 * neither checked nor counted, so anyone could send them without limit, and each
 * would grow the append-only log and wait for its head lock. The failures that led
 * to the throttle are each in the log.
 */
public final class LogIn {
    public static final String RECORD_TYPE = "login";

    private final StaffUsers users;
    private final PasswordHasher hasher;
    private final PasswordAttempts attempts;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final String dummyHash;

    public LogIn(StaffUsers users, PasswordHasher hasher, PasswordAttempts attempts, AuditTrail audit, Transactions tx,
                 Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.attempts = attempts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.dummyHash = hasher.hash(DUMMY.clone());
    }

    private static final char[] DUMMY = "not-a-password-anyone-has".toCharArray();

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
            var wait = attempts.wait(username, command.clientAddress());
            if (wait.isPresent()) {
                return new Result.Throttled(wait.get());
            }
            var user = users.findByUsername(username);
            boolean matches;
            if (Passwords.fitsTheHash(command.password())) {
                matches = hasher.matches(command.password(), user.map(StaffUser::getPasswordHash).orElse(dummyHash));
            } else {
                hasher.matches(DUMMY.clone(), dummyHash); // the same work, and no stored password is this long
                matches = false;
            }
            if (matches && user.get().isActive()) {
                var u = user.get();
                tx.inTransaction(() -> {
                    attempts.succeeded(username);
                    audit.record(event(u.asActor(), username, command.clientAddress(), "succeeded", null));
                    return null;
                });
                return new Result.LoggedIn(u);
            }
            String reason = matches ? "inactive" : "bad-credentials";
            tx.inTransaction(() -> {
                attempts.failed(username, command.clientAddress());
                audit.record(event(Actor.publicForm(), username, command.clientAddress(), "failed", reason));
                return null;
            });
            return new Result.Refused();
        } finally {
            if (command.password() != null) {
                Arrays.fill(command.password(), '\0');
            }
        }
    }

    private AuditEvent event(Actor actor, String username, String clientAddress, String action, String reason) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("username", username);
        fields.put("clientAddress", clientAddress);
        if (reason != null) {
            fields.put("reason", reason);
        }
        return AuditEvent.of(actor, clock.instant(), RECORD_TYPE, username, action, Map.of(), fields, null);
    }
}
