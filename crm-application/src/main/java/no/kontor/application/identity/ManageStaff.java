package no.kontor.application.identity;

import java.time.Clock;
import java.util.List;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.AuditTrail;
import no.kontor.application.shared.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.Paging;

/**
 * Staff see each other; an admin changes users (never leaving the organisation
 * without an active admin) and resets passwords; anyone changes their own password
 * with the old one.
 */
public final class ManageStaff {
    private final StaffUsers users;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ManageStaff(StaffUsers users, PasswordHasher hasher, AuditTrail audit, Transactions tx, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Change(String displayName, String email, Role role, String team, boolean active) {
    }

    /** Staff users by username, a page of at most {@link Paging#MAX_LIMIT}. */
    public Page<StaffUser> list(Actor actor, String cursor, int limit) {
        actor.require(Role.SELLER);
        return users.page(cursor, Paging.limit(limit));
    }

    public StaffUser view(Actor actor, long id) {
        actor.require(Role.SELLER);
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    public StaffUser change(Actor actor, long id, long expectedVersion, Change change) {
        actor.require(Role.ADMIN);
        if (change.role() == null) {
            throw new ValidationException("role", "user.role-missing", "A user needs a role");
        }
        return tx.inTransaction(() -> {
            var current = current(id, expectedVersion);
            var changed = current.changeTo(change.displayName(), change.email(), change.role(), change.team(), change.active(),
                    clock.instant());
            boolean losesAdmin = current.getRole() == Role.ADMIN && current.isActive()
                    && (changed.getRole() != Role.ADMIN || !changed.isActive());
            if (losesAdmin && users.all().stream().filter(u -> u.getRole() == Role.ADMIN && u.isActive()).count() <= 1) {
                throw new ConflictException("user.last-admin", "The last active admin cannot be demoted or deactivated");
            }
            var stored = users.update(changed);
            audit.record(AuditEvent.changed(actor, clock.instant(), "user", id, current.auditFields(), stored.auditFields()));
            return stored;
        });
    }

    /** An admin sets anyone's password; a user sets their own with the old one. */
    public void changePassword(Actor actor, long id, char[] oldPassword, char[] newPassword) {
        actor.require(Role.SELLER);
        boolean self = actor.userId() != null && actor.userId() == id;
        if (!self && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an admin sets another user's password");
        }
        if (newPassword == null || newPassword.length < RegisterStaffUser.MIN_PASSWORD) {
            throw new ValidationException("newPassword", "user.password-too-short",
                    "A password has at least " + RegisterStaffUser.MIN_PASSWORD + " characters");
        }
        var user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (self && !actor.has(Role.ADMIN) && (oldPassword == null || !hasher.matches(oldPassword, user.getPasswordHash()))) {
            throw new ValidationException("oldPassword", "user.old-password-wrong", "The old password is not right");
        }
        String hash = hasher.hash(newPassword);
        tx.inTransaction(() -> {
            var current = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
            users.update(current.withPasswordHash(hash, clock.instant()));
            audit.record(AuditEvent.of(actor, clock.instant(), "user", id, "password-changed",
                    java.util.Map.of(), java.util.Map.of(), null));
            return null;
        });
    }

    private StaffUser current(long id, long expectedVersion) {
        var current = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (current.getVersion() != expectedVersion) {
            throw new StaleVersionException("user", id, expectedVersion);
        }
        return current;
    }
}
