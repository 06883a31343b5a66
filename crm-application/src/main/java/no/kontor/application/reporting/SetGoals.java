package no.kontor.application.reporting;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.reporting.port.Goals;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;

/** A manager sets, changes and removes goals; each change is audited in its transaction. */
public final class SetGoals {
    private final Goals goals;
    private final StaffUsers staff;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public SetGoals(Goals goals, StaffUsers staff, AuditTrail audit, Transactions tx, Clock clock) {
        this.goals = goals;
        this.staff = staff;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Goal set(Actor actor, Goal.Terms terms) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            requireSeller(terms);
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var stored = goals.add(Goal.set(terms, actor.auditName(), now));
            audit.record(AuditEvent.created(actor, now, "goal", stored.id(), stored.auditFields()));
            return stored;
        });
    }

    public Goal change(Actor actor, long id, long version, Goal.Terms terms) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            var current = current(id, version);
            requireSeller(terms);
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var changed = goals.update(current.changedTo(terms, actor.auditName(), now));
            audit.record(AuditEvent.changed(actor, now, "goal", id, current.auditFields(), changed.auditFields()));
            return changed;
        });
    }

    public void remove(Actor actor, long id, long version) {
        actor.require(Role.MANAGER);
        tx.inTransaction(() -> {
            var current = current(id, version);
            goals.delete(id, version);
            audit.record(AuditEvent.of(actor, clock.instant(), "goal", id, "deleted", current.auditFields(), Map.of(), null));
            return null;
        });
    }

    private Goal current(long id, long version) {
        var current = goals.find(id).orElseThrow(() -> new NotFoundException("goal", id));
        if (current.version() != version) {
            throw new StaleVersionException("goal", id, version);
        }
        return current;
    }

    private void requireSeller(Goal.Terms terms) {
        if (terms.sellerId() != null && staff.find(terms.sellerId()).isEmpty()) {
            throw new ValidationException("sellerId", "goal.seller-unknown", "No staff user with id " + terms.sellerId());
        }
    }
}
