package no.kontor.application.inventory.port;

import java.util.List;
import java.util.Optional;

import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.application.shared.Page;

public interface Placements {

    /** A taken name is a {@code ConflictException}. */
    Placement add(Placement placement);

    Optional<Placement> find(PlacementId id);

    /** The placement's row locked until the transaction ends: bookings of one placement take turns. */
    Optional<Placement> lock(PlacementId id);

    List<Placement> all();

    /** Placements by name, a page after {@code cursor} (null: the first). */
    Page<Placement> page(String cursor, int limit);

    /** Writes an admin's change at the version it was read at, else {@code StaleVersionException}; a taken name: conflict. */
    Placement update(Placement placement);
}
