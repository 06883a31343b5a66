package no.kontor.application.inventory.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.sale.SaleId;
import no.kontor.application.shared.Page;

public interface Bookings {

    /**
     * Stores a booking. If an active booking of the placement shares a day, the
     * database refuses it: a {@code ConflictException} ({@code booking.conflict}).
     */
    Booking add(Booking booking);

    Optional<Booking> find(BookingId id);

    Booking update(Booking booking);

    /** Active (not cancelled) bookings of the placement that share a day with the period. */
    List<Booking> overlapping(PlacementId placementId, Period period);

    List<Booking> ofSale(SaleId saleId);

    /** A sale's bookings, cancelled ones too, by first day, a page after {@code cursor} (null: the first). */
    Page<Booking> ofSale(SaleId saleId, String cursor, int limit);

    /** Every active booking that shares a day with the window, by placement. */
    Map<PlacementId, List<Booking>> activeIn(Period window);

    /**
     * The reserved (never confirmed) booking with the lowest id above {@code after}
     * (null: from the start) that {@code createdBy} made before {@code createdBefore},
     * whose sale is open and on no invoice; it and its sale are locked for the rest of
     * the transaction. Rows another transaction holds are skipped, so two nodes
     * running the same job never take the same booking.
     */
    Optional<Booking> lockNextUnconfirmed(String createdBy, java.time.Instant createdBefore, BookingId after);
}
