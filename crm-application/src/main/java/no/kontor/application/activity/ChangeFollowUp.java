package no.kontor.application.activity;

import java.time.Clock;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.activity.port.ActivityReferences;

/** A seller moves a follow-up on (stage, due date, assignee), based on the version they read. */
public final class ChangeFollowUp {
    private final Activities activities;
    private final ActivityReferences references;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ChangeFollowUp(Activities activities, ActivityReferences references, AuditTrail audit, Transactions tx, Clock clock) {
        this.activities = activities;
        this.references = references;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Activity execute(Actor actor, ActivityId id, long expectedVersion, FollowUp next) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var current = activities.find(id).orElseThrow(() -> new NotFoundException("activity", id));
            if (current.getVersion() != expectedVersion) {
                throw new StaleVersionException("activity", id, expectedVersion);
            }
            if (next.assigneeId() != null && !references.activeStaffUser(next.assigneeId())) {
                throw new ValidationException("assigneeId", "activity.assignee-unknown", "No active staff user with id " + next.assigneeId());
            }
            if (next.equals(current.getFollowUp())) {
                return current;
            }
            var changed = activities.update(current.withFollowUp(next, clock.instant()));
            audit.record(AuditEvent.changed(actor, clock.instant(), "activity", id, current.auditFields(), changed.auditFields()));
            return changed;
        });
    }
}
