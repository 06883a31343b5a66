package no.kontor.application.inventory;

import java.time.Clock;
import java.util.List;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.AuditTrail;
import no.kontor.application.shared.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Placement;

/** An admin adds placements; everyone lists them. */
public final class ManagePlacements {
    private final Placements placements;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ManagePlacements(Placements placements, AuditTrail audit, Transactions tx, Clock clock) {
        this.placements = placements;
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
}
