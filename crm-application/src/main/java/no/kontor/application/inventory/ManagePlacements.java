package no.kontor.application.inventory;

import java.time.Clock;
import java.util.List;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.AuditTrail;
import no.kontor.application.shared.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Availability;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.shared.NotFoundException;

/** An admin adds placements; everyone lists them and reads their availability. */
public final class ManagePlacements {
    private final Placements placements;
    private final Bookings bookings;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ManagePlacements(Placements placements, Bookings bookings, AuditTrail audit, Transactions tx, Clock clock) {
        this.placements = placements;
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
            audit.record(AuditEvent.created(actor, now, "placement", stored.id(), java.util.Map.of(
                    "name", stored.name(), "unit", stored.unit().name(), "active", true)));
            return stored;
        });
    }

    public List<Placement> list(Actor actor) {
        actor.require(Role.SELLER);
        return placements.all();
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
