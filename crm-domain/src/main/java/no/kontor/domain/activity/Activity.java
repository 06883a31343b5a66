package no.kontor.domain.activity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.shared.Validator;

/**
 * Something that happened with a customer — a call, a meeting, an order from the
 * web form — and perhaps a follow-up task. What happened is history and does not
 * change; the follow-up moves through its stages.
 */
public final class Activity {
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_CAMPAIGN = 100;

    private final ActivityId id;
    private final CompanyId companyId;
    private final ActivityKind kind;
    private final Direction direction;
    private final Instant occurredAt;
    private final String actor;
    private final Long staffUserId;
    private final ContactId contactId;
    private final String subject;
    private final String text;
    private final FollowUp followUp;
    private final String campaign;
    private final Instant createdAt;
    private final Instant changedAt;
    private final long version;

    public Activity(ActivityId id, CompanyId companyId, ActivityKind kind, Direction direction, Instant occurredAt,
                    String actor, Long staffUserId, ContactId contactId, String subject, String text, FollowUp followUp,
                    String campaign, Instant createdAt, Instant changedAt, long version) {
        this.id = id;
        this.companyId = Objects.requireNonNull(companyId, "companyId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.staffUserId = staffUserId;
        this.contactId = contactId;
        this.subject = subject;
        this.text = text;
        this.followUp = followUp;
        this.campaign = campaign;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.version = version;
    }

    /** A new activity logged by {@code actor}: a staff user, or the public order form. */
    public static Activity log(CompanyId companyId, ActivityKind kind, Direction direction, Instant occurredAt, Actor actor,
                               ContactId contactId, String subject, String text, FollowUp followUp, Instant now) {
        String s = subject == null ? null : subject.strip();
        String t = text == null || text.isBlank() ? null : text;
        new Validator()
                .require(kind != null, "kind", "activity.kind-missing", "An activity needs a kind")
                .require(direction != null, "direction", "activity.direction-missing", "An activity needs a direction")
                .require(s != null && !s.isEmpty(), "subject", "activity.subject-missing", "An activity needs a subject")
                .require(s == null || s.length() <= MAX_SUBJECT, "subject", "activity.subject-too-long",
                        "A subject is at most " + MAX_SUBJECT + " characters")
                .require(t == null || t.length() <= MAX_TEXT, "text", "activity.text-too-long",
                        "A text is at most " + MAX_TEXT + " characters")
                .throwIfInvalid();
        return new Activity(null, companyId, kind, direction, occurredAt == null ? now : occurredAt, actor.auditName(),
                actor.userId(), contactId, s, t, followUp, null, now, now, 0);
    }

    public Activity withFollowUp(FollowUp next, Instant now) {
        FollowUp moved = followUp == null ? next : followUp.changeTo(next);
        return new Activity(id, companyId, kind, direction, occurredAt, actor, staffUserId, contactId, subject, text, moved,
                campaign, createdAt, now, version);
    }

    public Activity withId(ActivityId newId) {
        return new Activity(newId, companyId, kind, direction, occurredAt, actor, staffUserId, contactId, subject, text,
                followUp, campaign, createdAt, changedAt, version);
    }

    /**
     * This activity tagged with a mail-out campaign (null: none): only an outbound activity
     * is part of a mail-out; its return is the inbound answers from the same contacts
     * (docs/decisions/kpis.md). A tag is 1–100 characters, stripped.
     */
    public Activity withCampaign(String tag) {
        String c = tag == null || tag.isBlank() ? null : tag.strip();
        new Validator()
                .require(c == null || direction == Direction.OUTBOUND, "campaign", "activity.campaign-inbound",
                        "Only an outbound activity belongs to a mail-out")
                .require(c == null || c.length() <= MAX_CAMPAIGN, "campaign", "activity.campaign-too-long",
                        "A campaign is at most " + MAX_CAMPAIGN + " characters")
                .throwIfInvalid();
        return new Activity(id, companyId, kind, direction, occurredAt, actor, staffUserId, contactId, subject, text, followUp, c,
                createdAt, changedAt, version);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("companyId", companyId.value());
        m.put("kind", kind.name());
        m.put("direction", direction.name());
        m.put("occurredAt", occurredAt);
        m.put("contactId", contactId == null ? null : contactId.value());
        m.put("subject", subject);
        m.put("text", text);
        m.put("followUpDue", followUp == null ? null : followUp.dueDate().toString());
        m.put("followUpStage", followUp == null ? null : followUp.stage().name());
        m.put("followUpAssigneeId", followUp == null ? null : followUp.assigneeId());
        if (campaign != null) {
            m.put("campaign", campaign);
        }
        return m;
    }

    public ActivityId getId() { return id; }
    public CompanyId getCompanyId() { return companyId; }
    public ActivityKind getKind() { return kind; }
    public Direction getDirection() { return direction; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public Long getStaffUserId() { return staffUserId; }
    public ContactId getContactId() { return contactId; }
    public String getSubject() { return subject; }
    public String getText() { return text; }
    public FollowUp getFollowUp() { return followUp; }
    public String getCampaign() { return campaign; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getChangedAt() { return changedAt; }
    public long getVersion() { return version; }
}
