package no.kontor.application.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import no.kontor.application.inventory.Bookings;
import no.kontor.application.inventory.Placements;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;

/**
 * Placements and bookings in memory. Bookings are versioned like the table, and an
 * active booking that shares a day with another of its placement is refused, as the
 * exclusion constraint refuses it.
 */
public final class InMemoryInventory extends InMemoryStore<Booking> implements Bookings {
    private final Places places = new Places();

    /** The placements, a store of their own (register it with the transactions too). */
    public Places placements() {
        return places;
    }

    @Override
    public Booking add(Booking booking) {
        synchronized (rows) {
            if (!overlapping(booking.placementId(), booking.period()).isEmpty()) {
                throw new ConflictException("booking.conflict", "The placement " + booking.placementId() + " is already booked");
            }
            var stored = booking.withId(new BookingId(nextId()));
            rows.put(stored.id().value(), stored);
            return stored;
        }
    }

    @Override
    public Optional<Booking> find(BookingId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value()));
        }
    }

    @Override
    public Booking update(Booking booking) {
        synchronized (rows) {
            var current = rows.get(booking.id().value());
            if (current == null || current.version() != booking.version()) {
                throw new StaleVersionException("booking", booking.id(), booking.version());
            }
            var stored = new Booking(booking.id(), booking.placementId(), booking.saleId(), booking.period(), booking.status(),
                    booking.createdBy(), booking.createdAt(), booking.changedBy(), booking.changedAt(), booking.version() + 1);
            rows.put(stored.id().value(), stored);
            return stored;
        }
    }

    @Override
    public List<Booking> overlapping(PlacementId placementId, Period period) {
        synchronized (rows) {
            return rows.values().stream().filter(b -> b.placementId().equals(placementId) && b.status() != Booking.Status.CANCELLED
                    && !b.period().lastDay().isBefore(period.firstDay()) && !b.period().firstDay().isAfter(period.lastDay())).toList();
        }
    }

    @Override
    public List<Booking> ofSale(SaleId saleId) {
        synchronized (rows) {
            return rows.values().stream().filter(b -> b.saleId().equals(saleId)).toList();
        }
    }

    @Override
    public Map<PlacementId, List<Booking>> activeIn(Period window) {
        synchronized (rows) {
            return rows.values().stream().filter(b -> b.status() != Booking.Status.CANCELLED
                            && !b.period().lastDay().isBefore(window.firstDay()) && !b.period().firstDay().isAfter(window.lastDay()))
                    .collect(Collectors.groupingBy(Booking::placementId, LinkedHashMap::new, Collectors.toList()));
        }
    }

    /** The placements. */
    public static final class Places extends InMemoryStore<Placement> implements Placements {

        @Override
        public Placement add(Placement placement) {
            synchronized (rows) {
                var stored = new Placement(new PlacementId(nextId()), placement.name(), placement.description(), placement.channel(),
                        placement.unit(), placement.active(), placement.createdAt(), placement.changedAt(), placement.version());
                rows.put(stored.id().value(), stored);
                return stored;
            }
        }

        @Override
        public Optional<Placement> find(PlacementId id) {
            synchronized (rows) {
                return Optional.ofNullable(rows.get(id.value()));
            }
        }

        @Override
        public Optional<Placement> lock(PlacementId id) {
            return find(id);
        }

        @Override
        public List<Placement> all() {
            synchronized (rows) {
                return new ArrayList<>(rows.values());
            }
        }

        @Override
        public Placement update(Placement placement) {
            synchronized (rows) {
                rows.put(placement.id().value(), placement);
                return placement;
            }
        }
    }
}
