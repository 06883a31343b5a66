package no.kontor.application.inventory.port;

import java.util.List;

import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.application.shared.Page;

/** A placement's price list. */
public interface PlacementPrices {

    /** Stores a price; one that shares a day with another of the placement is a {@code ConflictException}. */
    PlacementPrice add(PlacementPrice price, String actor, java.time.Instant at);

    /** The placement's prices, earliest first. */
    List<PlacementPrice> of(PlacementId placementId);

    /** A placement's prices by first valid day, a page after {@code cursor} (null: the first). */
    Page<PlacementPrice> page(PlacementId placementId, String cursor, int limit);
}
