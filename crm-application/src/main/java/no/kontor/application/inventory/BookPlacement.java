package no.kontor.application.inventory;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.Paging;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.inventory.port.SaleStatus;

/**
 * A seller books a placement for a sale, and confirms or cancels the booking. A sale
 * that is closed or on an invoice takes no new booking, and a sale on an invoice
 * keeps its bookings (they may still be confirmed).
 * Booking locks the placement's row, checks for a booking that shares a day (the
 * friendly refusal, naming it), then inserts; the exclusion constraint in the
 * database is the guarantee behind the check.
 */
public final class BookPlacement {
    private final Placements placements;
    private final Bookings bookings;
    private final SaleStatus sales;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public BookPlacement(Placements placements, Bookings bookings, SaleStatus sales, AuditTrail audit, Transactions tx, Clock clock) {
        this.placements = placements;
        this.bookings = bookings;
        this.sales = sales;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Booking book(Actor actor, SaleId saleId, PlacementId placementId, Period period) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var placement = placements.lock(placementId).orElseThrow(() -> new NotFoundException("placement", placementId));
            if (!placement.active()) {
                throw new ConflictException("placement.inactive", "The placement " + placement.name() + " is not for sale");
            }
            // after the placement's lock (the order every booking takes), before the overlap check
            sales.lock(saleId).orElseThrow(() -> new NotFoundException("sale", saleId)).requireTakesBookings();
            var clash = bookings.overlapping(placementId, period);
            if (!clash.isEmpty()) {
                throw conflict(placement.name(), clash.get(0));
            }
            var stored = bookings.add(Booking.reserve(placementId, saleId, period, actor.auditName(), clock.instant()));
            audit.record(AuditEvent.created(actor, clock.instant(), "booking", stored.id(), stored.auditFields()));
            return stored;
        });
    }

    public Booking confirm(Actor actor, BookingId id) {
        actor.require(Role.SELLER);
        return move(actor, id, true);
    }

    public Booking cancel(Actor actor, BookingId id) {
        actor.require(Role.SELLER);
        return move(actor, id, false);
    }

    private Booking move(Actor actor, BookingId id, boolean confirm) {
        return tx.inTransaction(() -> {
            var current = bookings.find(id).orElseThrow(() -> new NotFoundException("booking", id));
            if (!confirm) {
                // a sale on an invoice keeps the days the invoice bills; its lock orders this against invoicing
                sales.lock(current.saleId()).orElseThrow(() -> new NotFoundException("sale", current.saleId()))
                        .requireBookingsReleasable();
            }
            var next = confirm ? current.confirm(actor.auditName(), clock.instant()) : current.cancel(actor.auditName(), clock.instant());
            var stored = bookings.update(next);
            audit.record(AuditEvent.changed(actor, clock.instant(), "booking", id, current.auditFields(), stored.auditFields()));
            return stored;
        });
    }

    /** A sale's bookings, cancelled ones too, by first day. */
    public Page<Booking> ofSale(Actor actor, SaleId saleId, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        return tx.readOnly(() -> {
            sales.stageOf(saleId).orElseThrow(() -> new NotFoundException("sale", saleId));
            return bookings.ofSale(saleId, cursor, limit);
        });
    }

    /**
     * A placement's active bookings that share a day with {@code window}, by first day: who
     * holds its taken days (a calendar names the sale). Read in one snapshot, so
     * {@code Availability.of(placementId, window, these)} is the placement's availability then.
     */
    public java.util.List<Booking> ofPlacement(Actor actor, PlacementId placementId, Period window) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> {
            placements.find(placementId).orElseThrow(() -> new NotFoundException("placement", placementId));
            return bookings.overlapping(placementId, window).stream()
                    .sorted(java.util.Comparator.comparing((Booking b) -> b.period().firstDay())).toList();
        });
    }

    /**
     * Cancels a sale's active bookings, freeing their days, inside the caller's
     * transaction (a sale that is lost or cancelled); each cancellation is audited.
     */
    public int releaseAllOf(Actor actor, SaleId saleId) {
        var released = new java.util.ArrayList<Booking[]>();
        for (Booking booking : bookings.ofSale(saleId)) {
            if (booking.status() != Booking.Status.CANCELLED) {
                released.add(new Booking[] {booking, bookings.update(booking.cancel(actor.auditName(), clock.instant()))});
            }
        }
        // every row first, the audit (and its head lock) after them: the lock order (docs/architecture.md#lock-order)
        for (Booking[] change : released) {
            audit.record(AuditEvent.changed(actor, clock.instant(), "booking", change[0].id(), change[0].auditFields(),
                    change[1].auditFields()));
        }
        return released.size();
    }

    static ConflictException conflict(String placement, Booking clash) {
        return new ConflictException("booking.conflict",
                placement + " is booked " + clash.period().firstDay() + "–" + clash.period().lastDay() + " by booking " + clash.id(),
                Map.of("bookingId", clash.id().value(), "firstDay", clash.period().firstDay().toString(),
                        "lastDay", clash.period().lastDay().toString()));
    }
}
