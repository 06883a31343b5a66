package no.kontor.application.identity;

import java.util.List;
import java.util.Optional;

import no.kontor.domain.identity.StaffUser;
import no.kontor.application.shared.Page;

/** The store of staff users. */
public interface StaffUsers {

    Optional<StaffUser> find(long id);

    Optional<StaffUser> findByUsername(String username);

    /** Stores a new user and returns it with its id; a taken username is a {@code ConflictException}. */
    StaffUser add(StaffUser user);

    /** Writes a changed user at the version it was read at, else {@code StaleVersionException}. */
    StaffUser update(StaffUser user);

    List<StaffUser> all();

    /** Users by username, a page after {@code cursor} (null: the first). */
    Page<StaffUser> page(String cursor, int limit);

    long count();
}
