package no.kontor.domain.identity;

import java.util.Objects;

import no.kontor.domain.shared.AccessDeniedException;

/**
 * Who does something: a staff user with a role, the public order form, a background
 * job, or a customer on My page (a session of its own, never a staff role).
 * {@link #auditName()} is how the audit log names it ({@code user:17}, {@code public},
 * {@code system:mail-outbox}, {@code customer:session:4}).
 */
public record Actor(Kind kind, Long userId, String name, Role role) {

    public enum Kind { STAFF, PUBLIC, SYSTEM, CUSTOMER }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind == Kind.STAFF && (userId == null || role == null)) {
            throw new IllegalArgumentException("a staff actor needs a user id and a role");
        }
    }

    public static Actor staff(long userId, String username, Role role) {
        return new Actor(Kind.STAFF, userId, username, role);
    }

    public static Actor publicForm() {
        return new Actor(Kind.PUBLIC, null, "public", null);
    }

    public static Actor system(String job) {
        return new Actor(Kind.SYSTEM, null, job, null);
    }

    /** A customer in the My page session {@code sessionId}: it has no role, so every staff use case refuses it. */
    public static Actor customer(long sessionId) {
        return new Actor(Kind.CUSTOMER, null, "session:" + sessionId, null);
    }

    public String auditName() {
        return switch (kind) {
            case STAFF -> "user:" + userId;
            case PUBLIC -> "public";
            case SYSTEM -> "system:" + name;
            case CUSTOMER -> "customer:" + name;
        };
    }

    public boolean has(Role required) {
        return kind == Kind.STAFF && role.includes(required);
    }

    /** Refuses unless this actor is staff with at least {@code required}. */
    public Actor require(Role required) {
        if (!has(required)) {
            throw new AccessDeniedException(auditName() + " may not do this: it needs the role " + required);
        }
        return this;
    }
}
