package no.kontor.application.activity;

import java.time.Clock;
import java.time.Instant;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.activity.port.ActivityReferences;

/**
 * A seller logs what happened with a customer, perhaps with a follow-up task; the
 * public order form logs an incoming order as the actor {@code public}.
 */
public final class LogActivity {
    private final Activities activities;
    private final ActivityReferences references;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public LogActivity(Activities activities, ActivityReferences references, AuditTrail audit, Transactions tx, Clock clock) {
        this.activities = activities;
        this.references = references;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A follow-up without an assignee is the logger's own, unless {@code unassigned} puts it on
     * the shared list (docs/decisions/work-lists.md).
     */
    public record Command(CompanyId companyId, ActivityKind kind, Direction direction, Instant occurredAt, Long contactId,
                          String subject, String text, FollowUp followUp, boolean unassigned, String campaign) {

        public Command(CompanyId companyId, ActivityKind kind, Direction direction, Instant occurredAt, Long contactId, String subject,
                       String text, FollowUp followUp) {
            this(companyId, kind, direction, occurredAt, contactId, subject, text, followUp, false, null);
        }

        FollowUp followUpFor(Actor actor) {
            if (followUp == null || followUp.assigneeId() != null || unassigned || actor.kind() != Actor.Kind.STAFF) {
                return followUp;
            }
            return new FollowUp(followUp.dueDate(), followUp.stage(), actor.userId());
        }
    }

    public Activity execute(Actor actor, Command c) {
        if (actor.kind() != Actor.Kind.PUBLIC) {
            actor.require(Role.SELLER);
        }
        Instant now = clock.instant();
        if (c.unassigned() && c.followUp() != null && c.followUp().assigneeId() != null) {
            throw new ValidationException("followUp.unassigned", "activity.assignee-and-unassigned",
                    "A follow-up is either assigned (assigneeId) or on the shared list (unassigned), not both");
        }
        var activity = Activity.log(c.companyId(), c.kind(), c.direction(), c.occurredAt(), actor,
                c.contactId() == null ? null : new ContactId(c.contactId()), c.subject(), c.text(), c.followUpFor(actor), now).withCampaign(c.campaign());
        return tx.inTransaction(() -> {
            if (!references.companyExists(c.companyId())) {
                throw new NotFoundException("company", c.companyId());
            }
            if (activity.getContactId() != null && !references.contactBelongsTo(activity.getContactId(), c.companyId())) {
                throw new ValidationException("contactId", "activity.contact-unknown",
                        "The contact " + c.contactId() + " is not a contact of company " + c.companyId());
            }
            var followUp = activity.getFollowUp();
            if (followUp != null && followUp.assigneeId() != null && !references.activeStaffUser(followUp.assigneeId())) {
                throw new ValidationException("followUp.assigneeId", "activity.assignee-unknown",
                        "No active staff user with id " + followUp.assigneeId());
            }
            var stored = activities.add(activity);
            audit.record(AuditEvent.created(actor, now, "activity", stored.getId(), stored.auditFields()));
            return stored;
        });
    }
}
