package no.kontor.application.identity;

import java.time.Clock;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
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
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.identity.port.StaffUsers;

/**
 * Staff see each other; an admin changes users (never leaving the organisation
 * without an active admin, even when two admins demote each other at once) and sets
 * anyone's password; everyone, admins included, changes their own password with the
 * current one. A change of role or active flag, and any new password, ends the
 * user's bearer tokens.
 */
public final class ManageStaff {
    private final StaffUsers users;
    private final PasswordHasher hasher;
    private final PasswordAttempts attempts;
    private final TokenCheck tokens;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ManageStaff(StaffUsers users, PasswordHasher hasher, PasswordAttempts attempts, TokenCheck tokens,
                       AuditTrail audit, Transactions tx, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.attempts = attempts;
        this.tokens = tokens;
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
        var stored = tx.inTransaction(() -> {
            var current = current(id, expectedVersion);
            var changed = current.changeTo(change.displayName(), change.email(), change.role(), change.team(), change.active(),
                    clock.instant());
            boolean losesAdmin = current.getRole() == Role.ADMIN && current.isActive()
                    && (changed.getRole() != Role.ADMIN || !changed.isActive());
            // the lock makes a concurrent removal of the other last admin wait, then count what it left
            if (losesAdmin && users.lockActiveAdmins() <= 1) {
                throw new ConflictException("user.last-admin", "The last active admin cannot be demoted or deactivated");
            }
            var updated = users.update(changed);
            if (updated.accessDiffersFrom(current)) {
                users.endSessions(id);
            }
            audit.record(AuditEvent.changed(actor, clock.instant(), "user", id, current.auditFields(), updated.auditFields()));
            return updated;
        });
        tokens.forget(id);
        return stored;
    }

    /**
     * Sets a password. Your own needs {@code currentPassword} (admins too): it is checked like a login, throttled
     * and counted with the login failures of your username and address; a wrong one is refused naming the field.
     * An admin setting another user's password needs none. Either way the user's tokens end.
     */
    public void changePassword(Actor actor, long id, char[] currentPassword, char[] newPassword, String clientAddress) {
        actor.require(Role.SELLER);
        boolean self = actor.userId() != null && actor.userId() == id;
        if (!self && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an admin sets another user's password");
        }
        Passwords.checkNew("newPassword", newPassword);
        var user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (self) {
            if (currentPassword == null || currentPassword.length == 0) {
                throw new ValidationException("currentPassword", "user.current-password-missing",
                        "Changing your own password needs your current password");
            }
            checkCurrent(actor, user, currentPassword, clientAddress);
        }
        String hash = hasher.hash(newPassword);
        tx.inTransaction(() -> {
            var current = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
            users.update(current.withPasswordHash(hash, clock.instant()));
            users.endSessions(id);
            if (self) {
                attempts.succeeded(current.getUsername());
            }
            audit.record(AuditEvent.of(actor, clock.instant(), "user", id, "password-changed",
                    java.util.Map.of(), java.util.Map.of(), null));
            return null;
        });
        tokens.forget(id);
    }

    private void checkCurrent(Actor actor, StaffUser user, char[] currentPassword, String clientAddress) {
        var wait = attempts.wait(user.getUsername(), clientAddress);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        if (Passwords.fitsTheHash(currentPassword) && hasher.matches(currentPassword, user.getPasswordHash())) {
            return;
        }
        tx.inTransaction(() -> {
            attempts.failed(user.getUsername(), clientAddress);
            var fields = new java.util.LinkedHashMap<String, Object>();
            fields.put("clientAddress", clientAddress);
            fields.put("reason", "bad-credentials");
            audit.record(AuditEvent.of(actor, clock.instant(), "user", user.getId(), "password-check-failed",
                    java.util.Map.of(), fields, null));
            return null;
        });
        throw new ValidationException("currentPassword", "user.current-password-wrong", "The current password is not right");
    }

    private StaffUser current(long id, long expectedVersion) {
        var current = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (current.getVersion() != expectedVersion) {
            throw new StaleVersionException("user", id, expectedVersion);
        }
        return current;
    }
}
