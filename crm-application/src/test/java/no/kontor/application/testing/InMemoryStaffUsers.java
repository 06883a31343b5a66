package no.kontor.application.testing;

import java.util.List;
import java.util.Optional;

import no.kontor.application.identity.port.StaffUsers;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.shared.Page;

public final class InMemoryStaffUsers extends InMemoryStore<StaffUser> implements StaffUsers {

    @Override
    public Optional<StaffUser> find(long id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id));
        }
    }

    @Override
    public Optional<StaffUser> findByUsername(String username) {
        synchronized (rows) {
            return rows.values().stream().filter(u -> u.getUsername().equals(username)).findFirst();
        }
    }

    @Override
    public StaffUser add(StaffUser u) {
        synchronized (rows) {
            if (findByUsername(u.getUsername()).isPresent()) {
                throw new ConflictException("user.username-taken", "The username " + u.getUsername() + " is taken");
            }
            var stored = new StaffUser(nextId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPasswordHash(),
                    u.getRole(), u.getTeam(), u.isActive(), u.getCreatedAt(), u.getChangedAt(), 0);
            rows.put(stored.getId(), stored);
            return stored;
        }
    }

    @Override
    public StaffUser update(StaffUser u) {
        synchronized (rows) {
            var current = rows.get(u.getId());
            if (current == null || current.getVersion() != u.getVersion()) {
                throw new StaleVersionException("user", u.getId(), u.getVersion());
            }
            var stored = new StaffUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPasswordHash(),
                    u.getRole(), u.getTeam(), u.isActive(), u.getCreatedAt(), u.getChangedAt(), u.getVersion() + 1,
                    current.getTokenVersion());
            rows.put(stored.getId(), stored);
            return stored;
        }
    }

    @Override
    public Optional<Standing> standing(long id) {
        return find(id).map(u -> new Standing(u.getRole(), u.isActive(), u.getTokenVersion()));
    }

    @Override
    public void endSessions(long id) {
        synchronized (rows) {
            var u = rows.get(id);
            if (u != null) {
                rows.put(id, new StaffUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPasswordHash(),
                        u.getRole(), u.getTeam(), u.isActive(), u.getCreatedAt(), u.getChangedAt(), u.getVersion(),
                        u.getTokenVersion() + 1));
            }
        }
    }

    /** In memory every transaction runs alone (see {@link DirectTransactions}), so counting is enough. */
    @Override
    public long lockActiveAdmins() {
        synchronized (rows) {
            return rows.values().stream().filter(u -> u.getRole() == no.kontor.domain.identity.Role.ADMIN && u.isActive()).count();
        }
    }

    @Override
    public List<StaffUser> all() {
        synchronized (rows) {
            return List.copyOf(rows.values());
        }
    }

    @Override
    public Page<StaffUser> page(String cursor, int limit) {
        synchronized (rows) {
            return InMemoryPages.ascending("users", rows.values(), u -> List.of(u.getUsername(), u.getId()), cursor, limit);
        }
    }

    @Override
    public long count() {
        return size();
    }
}
