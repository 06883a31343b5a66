package no.kontor.adapters.persistence.identity;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.shared.Page;

/**
 * Staff users. A change is a partial {@code UPDATE} of the columns that may change,
 * never of the token version, which only {@link #endSessions} raises, relative to
 * what is stored: a profile change written at the same moment as a logout can then
 * never set the version back.
 */
@Singleton
public class JdbcStaffUsers implements StaffUsers {
    private final StaffUserRepository repository;
    private static final Keyset BY_USERNAME = Keyset.ascending("users", Keyset.key("username", Keyset.Type.TEXT),
            Keyset.key("id", Keyset.Type.LONG));

    private final Jdbc jdbc;

    public JdbcStaffUsers(StaffUserRepository repository, Jdbc jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StaffUser> find(long id) {
        return repository.findById(id).map(JdbcStaffUsers::toDomain);
    }

    @Override
    public Optional<StaffUser> findByUsername(String username) {
        return repository.findByUsername(username).map(JdbcStaffUsers::toDomain);
    }

    @Override
    public StaffUser add(StaffUser user) {
        try {
            return toDomain(repository.save(toEntity(user)));
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION, "staff_user_username")) {
                throw new ConflictException("user.username-taken", "The username " + user.getUsername() + " is taken");
            }
            throw e;
        }
    }

    @Override
    public StaffUser update(StaffUser user) {
        int updated = jdbc.update("""
                UPDATE staff_user SET display_name = ?, email = ?, password_hash = ?, role = ?, team = ?, active = ?,
                       changed_at = ?, version = version + 1
                 WHERE id = ? AND version = ?""",
                java.util.Arrays.asList(user.getDisplayName(), user.getEmail(), user.getPasswordHash(), user.getRole().name(),
                        user.getTeam(), user.isActive(), user.getChangedAt(), user.getId(), user.getVersion()));
        if (updated == 0) {
            throw new StaleVersionException("user", user.getId(), user.getVersion());
        }
        return find(user.getId()).orElseThrow();
    }

    @Override
    public Optional<Standing> standing(long id) {
        return jdbc.query("SELECT role, active, token_version FROM staff_user WHERE id = ?", List.of(id),
                rs -> new Standing(Role.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getLong(3))).stream().findFirst();
    }

    @Override
    public void endSessions(long id) {
        jdbc.update("UPDATE staff_user SET token_version = token_version + 1 WHERE id = ?", List.of(id));
    }

    @Override
    public long lockActiveAdmins() {
        return jdbc.query("SELECT id FROM staff_user WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE", List.of(),
                rs -> rs.getLong(1)).size();
    }

    @Override
    public List<StaffUser> all() {
        return repository.listOrderByUsername().stream().map(JdbcStaffUsers::toDomain).toList();
    }

    @Override
    public Page<StaffUser> page(String cursor, int limit) {
        var ids = BY_USERNAME.page(jdbc, "SELECT id, username FROM staff_user WHERE true", List.of(), cursor, limit, rs -> rs.getLong("id"));
        return Keyset.load(ids, wanted -> Keyset.inOrderOf(wanted, repository.findByIdIn(wanted), StaffUserEntity::id).stream()
                .map(JdbcStaffUsers::toDomain).toList());
    }

    @Override
    public long count() {
        return repository.count();
    }

    private static StaffUserEntity toEntity(StaffUser u) {
        return new StaffUserEntity(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPasswordHash(),
                u.getRole().name(), u.getTeam(), u.isActive(), u.getCreatedAt(), u.getChangedAt(), u.getVersion(),
                u.getTokenVersion());
    }

    private static StaffUser toDomain(StaffUserEntity e) {
        return new StaffUser(e.id(), e.username(), e.displayName(), e.email(), e.passwordHash(), Role.valueOf(e.role()),
                e.team(), e.active(), e.createdAt(), e.changedAt(), e.version(), e.tokenVersion());
    }
}
