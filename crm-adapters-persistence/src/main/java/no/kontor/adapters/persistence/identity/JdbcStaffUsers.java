package no.kontor.adapters.persistence.identity;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.application.identity.StaffUsers;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.ConflictException;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.shared.Page;

@Singleton
public class JdbcStaffUsers implements StaffUsers {
    private final StaffUserRepository repository;
    private static final Keyset BY_USERNAME = Keyset.ascending("users", Keyset.key("username", Keyset.Type.TEXT),
            Keyset.key("id", Keyset.Type.LONG));

    private final StaffUserEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcStaffUsers(StaffUserRepository repository, StaffUserEntityMapper mapper, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StaffUser> find(long id) {
        return repository.findById(id).map(mapper::toDomain);
    }

    @Override
    public Optional<StaffUser> findByUsername(String username) {
        return repository.findByUsername(username).map(mapper::toDomain);
    }

    @Override
    public StaffUser add(StaffUser user) {
        try {
            return mapper.toDomain(repository.save(mapper.toEntity(user)));
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION, "staff_user_username")) {
                throw new ConflictException("user.username-taken", "The username " + user.getUsername() + " is taken");
            }
            throw e;
        }
    }

    @Override
    public StaffUser update(StaffUser user) {
        return VersionedUpdate.run("user", user.getId(), user.getVersion(),
                () -> mapper.toDomain(repository.update(mapper.toEntity(user))));
    }

    @Override
    public List<StaffUser> all() {
        return repository.listOrderByUsername().stream().map(mapper::toDomain).toList();
    }

    @Override
    public Page<StaffUser> page(String cursor, int limit) {
        var ids = BY_USERNAME.page(jdbc, "SELECT id, username FROM staff_user WHERE true", List.of(), cursor, limit, rs -> rs.getLong("id"));
        return Keyset.load(ids, wanted -> Keyset.inOrderOf(wanted, repository.findByIdIn(wanted), StaffUserEntity::id).stream()
                .map(mapper::toDomain).toList());
    }

    @Override
    public long count() {
        return repository.count();
    }
}
