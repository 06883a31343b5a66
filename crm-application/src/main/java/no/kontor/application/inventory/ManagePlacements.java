package no.kontor.application.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Availability;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.Paging;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.inventory.port.Placements;

/**
 * An admin adds and changes placements and their price lists; everyone lists them
 * and reads their availability. A placement taken off sale keeps its bookings.
 */
public final class ManagePlacements {
    private final Placements placements;
    private final PlacementPrices prices;
    private final Bookings bookings;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ManagePlacements(Placements placements, PlacementPrices prices, Bookings bookings, AuditTrail audit, Transactions tx,
                            Clock clock) {
        this.placements = placements;
        this.prices = prices;
        this.bookings = bookings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Placement add(Actor actor, String name, String description, String channel, Placement.Unit unit) {
        actor.require(Role.ADMIN);
        var now = clock.instant();
        var placement = new Placement(null, name, description, channel, unit, true, now, now, 0);
        return tx.inTransaction(() -> {
            var stored = placements.add(placement);
            audit.record(AuditEvent.created(actor, now, "placement", stored.id(), fields(stored)));
            return stored;
        });
    }

    public record Change(String name, String description, String channel, Placement.Unit unit, boolean active) {
    }

    public Placement change(Actor actor, PlacementId id, long expectedVersion, Change c) {
        actor.require(Role.ADMIN);
        return tx.inTransaction(() -> {
            var current = placements.find(id).orElseThrow(() -> new NotFoundException("placement", id));
            if (current.version() != expectedVersion) {
                throw new StaleVersionException("placement", id, expectedVersion);
            }
            var stored = placements.update(current.change(c.name(), c.description(), c.channel(), c.unit(), c.active(),
                    clock.instant()));
            audit.record(AuditEvent.changed(actor, clock.instant(), "placement", id, fields(current), fields(stored)));
            return stored;
        });
    }

    private static Map<String, Object> fields(Placement p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("channel", p.channel());
        m.put("unit", p.unit().name());
        m.put("active", p.active());
        return m;
    }

    /** An admin adds a price valid from a day, to a day or open-ended; prices of a placement never overlap. */
    public PlacementPrice addPrice(Actor actor, PlacementId id, LocalDate validFrom, LocalDate validTo, Long unitPrice) {
        actor.require(Role.ADMIN);
        var price = PlacementPrice.check(id, validFrom, validTo, unitPrice);
        return tx.inTransaction(() -> {
            placements.lock(id).orElseThrow(() -> new NotFoundException("placement", id));
            prices.of(id).stream().filter(price::overlaps).findFirst().ifPresent(clash -> {
                throw new ConflictException("price.overlap", "A price of this placement already applies "
                        + clash.validFrom() + "–" + (clash.validTo() == null ? "" : clash.validTo()),
                        Map.of("priceId", clash.id(), "validFrom", clash.validFrom().toString()));
            });
            var stored = prices.add(price, actor.auditName(), clock.instant());
            var after = new LinkedHashMap<String, Object>();
            after.put("placementId", id.value());
            after.put("validFrom", stored.validFrom().toString());
            after.put("validTo", stored.validTo() == null ? null : stored.validTo().toString());
            after.put("unitPrice", stored.unitPrice());
            audit.record(AuditEvent.created(actor, clock.instant(), "placement-price", stored.id(), after));
            return stored;
        });
    }

    /** A placement's prices, earliest first, a page of at most {@link Paging#MAX_LIMIT}. */
    public Page<PlacementPrice> prices(Actor actor, PlacementId id, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        return tx.readOnly(() -> {
            placements.find(id).orElseThrow(() -> new NotFoundException("placement", id));
            return prices.page(id, cursor, limit);
        });
    }

    public Placement view(Actor actor, PlacementId id) {
        actor.require(Role.SELLER);
        return placements.find(id).orElseThrow(() -> new NotFoundException("placement", id));
    }

    /** Placements by name, a page of at most {@link Paging#MAX_LIMIT}. */
    public Page<Placement> list(Actor actor, String cursor, int limit) {
        actor.require(Role.SELLER);
        return placements.page(cursor, Paging.limit(limit));
    }

    /** One placement's free and booked periods in a window. */
    public Availability availability(Actor actor, PlacementId id, Period window) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> {
            placements.find(id).orElseThrow(() -> new NotFoundException("placement", id));
            return Availability.of(id, window, bookings.overlapping(id, window));
        });
    }

    /** Every active placement's calendar in a window, in one snapshot. */
    public List<Availability> availability(Actor actor, Period window) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> {
            var byPlacement = bookings.activeIn(window);
            return placements.all().stream().filter(Placement::active)
                    .map(p -> Availability.of(p.id(), window, byPlacement.getOrDefault(p.id(), List.of()))).toList();
        });
    }
}
