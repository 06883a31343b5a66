package no.kontor.application.identity;

import java.time.Clock;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.identity.port.StaffUsers;

/** An admin adds a member of staff. The first admin is added by the system on first start. */
public final class RegisterStaffUser {
    public static final int MIN_PASSWORD = Passwords.MIN_CHARACTERS;
    /** The code of {@link StaffUsers#add}'s conflict when the username exists. */
    static final String USERNAME_TAKEN = "user.username-taken";

    private final StaffUsers users;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public RegisterStaffUser(StaffUsers users, PasswordHasher hasher, AuditTrail audit, Transactions tx, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Command(String username, String displayName, String email, char[] password, Role role, String team) {
    }

    public StaffUser execute(Actor actor, Command c) {
        actor.require(Role.ADMIN);
        return add(actor, c);
    }

    /**
     * The first admin, from configuration, when there is no user at all; otherwise nothing.
     * Several nodes starting at once on an empty database may all count no user: the first
     * insert wins, and the others find its username taken and leave it be, so every node
     * starts (docs/scaling.md).
     */
    public boolean firstAdmin(Command c) {
        try {
            return tx.inTransaction(() -> {
                if (users.count() > 0) {
                    return false;
                }
                add(Actor.system("first-start"), new Command(c.username(), c.displayName(), c.email(), c.password(), Role.ADMIN, c.team()));
                return true;
            });
        } catch (ConflictException e) {
            if (!USERNAME_TAKEN.equals(e.code())) {
                throw e;
            }
            return false; // another node committed the first admin between this count and this insert
        }
    }

    private StaffUser add(Actor actor, Command c) {
        Passwords.checkNew("password", c.password());
        if (c.role() == null) {
            throw new ValidationException("role", "user.role-missing", "A user needs a role");
        }
        String hash = hasher.hash(c.password());
        var now = clock.instant();
        return tx.inTransaction(() -> {
            var user = users.add(new StaffUser(null, c.username() == null ? null : c.username().strip().toLowerCase(java.util.Locale.ROOT),
                    c.displayName(), c.email(), hash, c.role(), c.team(), true, now, now, 0));
            audit.record(AuditEvent.created(actor, now, "user", user.getId(), user.auditFields()));
            return user;
        });
    }
}
