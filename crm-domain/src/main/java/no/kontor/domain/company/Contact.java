package no.kontor.domain.company;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import no.kontor.domain.shared.ConflictException;

/**
 * A contact person: an aggregate of its own (own id, version and ETag), owned by one
 * company. Forgetting replaces the personal fields for good; a forgotten contact
 * cannot be changed again.
 */
public final class Contact {
    public static final String FORGOTTEN_NAME = "Glemt kontakt";
    /** The fields that hold personal data, encrypted per person in the audit log. */
    public static final Set<String> PERSONAL_FIELDS = Set.of("name", "title", "email", "phone");

    private final ContactId id;
    private final CompanyId companyId;
    private final ContactDetails details;
    private final boolean forgotten;
    private final String createdBy;
    private final Instant createdAt;
    private final String changedBy;
    private final Instant changedAt;
    private final long version;

    public Contact(ContactId id, CompanyId companyId, ContactDetails details, boolean forgotten, String createdBy,
                   Instant createdAt, String changedBy, Instant changedAt, long version) {
        this.id = id;
        this.companyId = Objects.requireNonNull(companyId, "companyId");
        this.details = Objects.requireNonNull(details, "details");
        this.forgotten = forgotten;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.version = version;
    }

    public static Contact add(CompanyId companyId, ContactDetails details, String actor, Instant now) {
        return new Contact(null, companyId, details, false, actor, now, actor, now, 0);
    }

    public Contact changeTo(ContactDetails newDetails, String actor, Instant now) {
        refuseIfForgotten();
        return new Contact(id, companyId, newDetails, false, createdBy, createdAt, actor, now, version);
    }

    /** The contact with its personal fields replaced by a placeholder, for good. */
    public Contact forget(String actor, Instant now) {
        refuseIfForgotten();
        return new Contact(id, companyId, new ContactDetails(FORGOTTEN_NAME, null, null, null, true), true,
                createdBy, createdAt, actor, now, version);
    }

    private void refuseIfForgotten() {
        if (forgotten) {
            throw new ConflictException("contact.forgotten", "The contact " + id + " has been forgotten and cannot change");
        }
    }

    public Contact withId(ContactId newId) {
        return new Contact(newId, companyId, details, forgotten, createdBy, createdAt, changedBy, changedAt, version);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("companyId", companyId.value());
        m.put("name", details.name());
        m.put("title", details.title());
        m.put("email", details.email() == null ? null : details.email().value());
        m.put("phone", details.phone() == null ? null : details.phone().value());
        m.put("unsubscribed", details.unsubscribed());
        m.put("forgotten", forgotten);
        return m;
    }

    public ContactId getId() { return id; }
    public CompanyId getCompanyId() { return companyId; }
    public ContactDetails getDetails() { return details; }
    public boolean isForgotten() { return forgotten; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
    public long getVersion() { return version; }
}
