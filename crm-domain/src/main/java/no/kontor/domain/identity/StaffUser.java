package no.kontor.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import no.kontor.domain.shared.InvalidValueException;

/**
 * A member of staff who logs in. The password hash is opaque here: hashing is the
 * job of an adapter with a slow hash from a well-kept library.
 */
public final class StaffUser {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private final Long id;
    private final String username;
    private final String displayName;
    private final String email;
    private final String passwordHash;
    private final Role role;
    private final String team;
    private final boolean active;
    private final Instant createdAt;
    private final Instant changedAt;
    private final long version;
    private final long tokenVersion;

    public StaffUser(Long id, String username, String displayName, String email, String passwordHash, Role role,
                     String team, boolean active, Instant createdAt, Instant changedAt, long version) {
        this(id, username, displayName, email, passwordHash, role, team, active, createdAt, changedAt, version, 0);
    }

    /**
     * @param tokenVersion the number every bearer token of this user carries; the store raises it when the
     *                     user's access changes (role, active flag, password) or the user logs out, and a token
     *                     with another number no longer speaks for the user
     */
    public StaffUser(Long id, String username, String displayName, String email, String passwordHash, Role role,
                     String team, boolean active, Instant createdAt, Instant changedAt, long version, long tokenVersion) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidValueException("user.username-invalid",
                    "A username is 2–64 characters of a–z, 0–9, '.', '_' and '-'");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidValueException("user.display-name-invalid", "A display name is 1–200 characters");
        }
        this.id = id;
        this.username = username;
        this.displayName = displayName.strip();
        this.email = email;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.team = team == null || team.isBlank() ? null : team.strip();
        this.active = active;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.version = version;
        this.tokenVersion = tokenVersion;
    }

    /** This user with new profile fields; the version it was read at stays for the store to check. */
    public StaffUser changeTo(String newDisplayName, String newEmail, Role newRole, String newTeam, boolean nowActive, Instant now) {
        return new StaffUser(id, username, newDisplayName, newEmail, passwordHash, newRole, newTeam, nowActive, createdAt, now, version,
                tokenVersion);
    }

    public StaffUser withPasswordHash(String newHash, Instant now) {
        return new StaffUser(id, username, displayName, email, newHash, role, team, active, createdAt, now, version, tokenVersion);
    }

    /**
     * Whether this user's tokens issued before {@code before} must end: a token speaks for a role and an active
     * user, so a changed role (up or down) or active flag ends it. A password change ends it too (the use case).
     */
    public boolean accessDiffersFrom(StaffUser before) {
        return role != before.role || active != before.active;
    }

    /** What the audit log records of a user: never the password hash. */
    public java.util.Map<String, Object> auditFields() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("username", username);
        m.put("displayName", displayName);
        m.put("email", email);
        m.put("role", role.name());
        m.put("team", team);
        m.put("active", active);
        return m;
    }

    public Actor asActor() {
        return Actor.staff(id, username, role);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public String getPasswordHash() { return passwordHash; }
    public Role getRole() { return role; }
    public String getTeam() { return team; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getChangedAt() { return changedAt; }
    public long getVersion() { return version; }
    public long getTokenVersion() { return tokenVersion; }
}
