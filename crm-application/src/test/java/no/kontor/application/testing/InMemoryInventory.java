package no.kontor.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.shared.Page;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;

/**
 * Bookings in memory, versioned and refusing a second active booking of a day like
 * the table's exclusion constraint. {@link #lockNextUnconfirmed} asks {@code saleOpen}
 * whether a booking's sale is open and on no invoice (the table joins the sale).
 */
public final class InMemoryInventory extends InMemoryStore<Booking> implements Bookings {
    private final Placements placements = new Placements();
    private Predicate<SaleId> saleOpen = id -> true;

    /** The placements, a store of their own (register it with the transactions too). */
    public Placements placements() {
        return placements;
    }

    /** Reads the sales from {@code sales} for the expiry claim. */
    public InMemoryInventory withSales(InMemorySales sales) {
        saleOpen = id -> sales.find(id).filter(s -> s.getInvoiceId() == null && !s.getStage().isClosed()).isPresent();
        return this;
    }

    /** Holds {@code booking} as it is, id and all: a test's own copy of a row. */
    public void register(Booking booking) {
        synchronized (rows) {
            rows.put(booking.id().value(), booking);
        }
    }

    @Override
    public Booking add(Booking booking) {
        synchronized (rows) {
            if (!overlapping(booking.placementId(), booking.period()).isEmpty()) {
                throw new ConflictException("booking.conflict", "already booked");
            }
            var stored = booking.withId(new BookingId(nextId()));
            rows.put(stored.id().value(), stored);
            return stored;
        }
    }

    /** Every booking, cancelled ones too, for the reporting fake. */
    public List<Booking> all() {
        synchronized (rows) {
            return List.copyOf(rows.values());
        }
    }

    @Override
    public Optional<Booking> find(BookingId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value()));
        }
    }

    @Override
    public Booking update(Booking b) {
        synchronized (rows) {
            var current = rows.get(b.id().value());
            if (current == null || current.version() != b.version()) {
                throw new StaleVersionException("booking", b.id(), b.version());
            }
            var stored = new Booking(b.id(), b.placementId(), b.saleId(), b.period(), b.status(), b.createdBy(), b.createdAt(),
                    b.changedBy(), b.changedAt(), b.version() + 1);
            rows.put(stored.id().value(), stored);
            return stored;
        }
    }

    @Override
    public List<Booking> overlapping(PlacementId placementId, Period period) {
        synchronized (rows) {
            return rows.values().stream().filter(b -> b.placementId().equals(placementId) && b.status() != Booking.Status.CANCELLED
                    && b.period().overlaps(period)).sorted(Comparator.comparing(b -> b.period().firstDay())).toList();
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
            var by = new LinkedHashMap<PlacementId, List<Booking>>();
            rows.values().stream().filter(b -> b.status() != Booking.Status.CANCELLED && b.period().overlaps(window))
                    .forEach(b -> by.computeIfAbsent(b.placementId(), k -> new ArrayList<>()).add(b));
            return by;
        }
    }

    @Override
    public Page<Booking> ofSale(SaleId saleId, String cursor, int limit) {
        synchronized (rows) {
            return InMemoryPages.ascending("bookings", rows.values().stream().filter(b -> b.saleId().equals(saleId)).toList(),
                    b -> List.of(b.period().firstDay(), b.id().value()), cursor, limit);
        }
    }

    @Override
    public Optional<Booking> lockNextUnconfirmed(String createdBy, Instant createdBefore, BookingId after) {
        synchronized (rows) {
            return rows.tailMap(after == null ? 0L : after.value(), false).values().stream()
                    .filter(b -> b.status() == Booking.Status.RESERVED && b.createdBy().equals(createdBy)
                            && b.createdAt().isBefore(createdBefore) && saleOpen.test(b.saleId()))
                    .findFirst();
        }
    }

    /** Placements in memory. */
    public static final class Placements extends InMemoryStore<Placement> implements no.kontor.application.inventory.port.Placements {
        @Override
        public Placement add(Placement p) {
            synchronized (rows) {
                var stored = new Placement(new PlacementId(nextId()), p.name(), p.description(), p.channel(), p.unit(), p.active(),
                        p.createdAt(), p.changedAt(), p.version());
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
                return List.copyOf(rows.values());
            }
        }

        @Override
        public Page<Placement> page(String cursor, int limit) {
            synchronized (rows) {
                return InMemoryPages.ascending("placements", rows.values(), p -> List.of(p.name(), p.id().value()), cursor, limit);
            }
        }

        @Override
        public Placement update(Placement p) {
            synchronized (rows) {
                var current = rows.get(p.id().value());
                if (current == null || current.version() != p.version()) {
                    throw new no.kontor.domain.shared.StaleVersionException("placement", p.id(), p.version());
                }
                var stored = new Placement(p.id(), p.name(), p.description(), p.channel(), p.unit(), p.active(), p.createdAt(),
                        p.changedAt(), p.version() + 1);
                rows.put(stored.id().value(), stored);
                return stored;
            }
        }
    }

    /** Prices in memory. */
    public static final class Prices extends InMemoryStore<PlacementPrice> implements PlacementPrices {
        @Override
        public PlacementPrice add(PlacementPrice price, String actor, Instant at) {
            synchronized (rows) {
                long id = nextId();
                var stored = new PlacementPrice(id, price.placementId(), price.validFrom(), price.validTo(), price.unitPrice());
                rows.put(id, stored);
                return stored;
            }
        }

        @Override
        public Page<PlacementPrice> page(PlacementId placementId, String cursor, int limit) {
            return InMemoryPages.ascending("prices", of(placementId), p -> List.of(p.validFrom()), cursor,
                    limit);
        }

        @Override
        public List<PlacementPrice> of(PlacementId placementId) {
            synchronized (rows) {
                return rows.values().stream().filter(p -> p.placementId().equals(placementId)).toList();
            }
        }
    }
}
