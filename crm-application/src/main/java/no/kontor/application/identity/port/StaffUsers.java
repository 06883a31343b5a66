package no.kontor.application.identity.port;

import java.util.List;
import java.util.Optional;

import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.application.shared.Page;

/** The store of staff users. */
public interface StaffUsers {

    Optional<StaffUser> find(long id);

    Optional<StaffUser> findByUsername(String username);

    /** Stores a new user and returns it with its id; a taken username is a {@code ConflictException}. */
    StaffUser add(StaffUser user);

    /**
     * Writes a changed user's profile, role, active flag and password hash at the version it was read at, else
     * {@code StaleVersionException}. The token version is not written here: only {@link #endSessions} moves it.
     */
    StaffUser update(StaffUser user);

    /** What a bearer token is checked against on every request, straight from the store. */
    Optional<Standing> standing(long id);

    /** Raises the user's token version by one, in the caller's transaction, so every token issued before ends. */
    void endSessions(long id);

    /**
     * Locks the active admins until the caller's transaction ends and counts them, so two transactions that
     * would each remove one of the last two admins run one after the other (the second sees one admin left).
     */
    long lockActiveAdmins();

    List<StaffUser> all();

    /** Users by username, a page after {@code cursor} (null: the first). */
    Page<StaffUser> page(String cursor, int limit);

    long count();

    /** A user's role, active flag and token version. */
    record Standing(Role role, boolean active, long tokenVersion) {
    }
}
