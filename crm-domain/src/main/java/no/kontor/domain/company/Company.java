package no.kontor.domain.company;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import no.kontor.domain.shared.EmailAddress;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.PhoneNumber;
import no.kontor.domain.shared.PostalCode;
import no.kontor.domain.shared.WebAddress;

/**
 * A customer card. Immutable: a change returns the changed card, and the store
 * decides (by {@link #getVersion()}) whether it was based on the current one.
 */
public final class Company {
    private final CompanyId id;
    private final CompanyDetails details;
    private final String createdBy;
    private final Instant createdAt;
    private final String changedBy;
    private final Instant changedAt;
    private final long version;

    public Company(CompanyId id, CompanyDetails details, String createdBy, Instant createdAt,
                   String changedBy, Instant changedAt, long version) {
        this.id = id;
        this.details = Objects.requireNonNull(details, "details");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.version = version;
    }

    /** A new card, not yet stored (no id). */
    public static Company register(CompanyDetails details, String actor, Instant now) {
        return new Company(null, details, actor, now, actor, now, 0);
    }

    /** This card with new details; the id, the creation and the version it was based on stay. */
    public Company changeTo(CompanyDetails newDetails, String actor, Instant now) {
        return new Company(id, newDetails, createdBy, createdAt, actor, now, version);
    }

    public Company withId(CompanyId newId) {
        return new Company(newId, details, createdBy, createdAt, changedBy, changedAt, version);
    }

    /** The fields the audit log records, by name; personal data has no place on a company card. */
    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", details.name());
        m.put("organisationNumber", val(details.organisationNumber(), OrganisationNumber::value));
        m.put("status", details.status().name());
        m.put("visitingStreet", details.visitingAddress() == null ? null : details.visitingAddress().street());
        m.put("visitingPostalCode", details.visitingAddress() == null ? null : val(details.visitingAddress().postalCode(), PostalCode::value));
        m.put("postalStreet", details.postalAddress() == null ? null : details.postalAddress().street());
        m.put("postalPostalCode", details.postalAddress() == null ? null : val(details.postalAddress().postalCode(), PostalCode::value));
        m.put("invoiceEmail", val(details.invoiceEmail(), EmailAddress::value));
        m.put("phone", val(details.phone(), PhoneNumber::value));
        m.put("website", val(details.website(), WebAddress::value));
        m.put("responsibleSellerId", details.responsibleSellerId());
        m.put("notes", details.notes());
        return m;
    }

    private static <T> String val(T valueObject, Function<T, String> value) {
        return valueObject == null ? null : value.apply(valueObject);
    }

    public CompanyId getId() { return id; }
    public CompanyDetails getDetails() { return details; }
    public String getName() { return details.name(); }
    public OrganisationNumber getOrganisationNumber() { return details.organisationNumber(); }
    public CompanyStatus getStatus() { return details.status(); }
    public Address getVisitingAddress() { return details.visitingAddress(); }
    public Address getPostalAddress() { return details.postalAddress(); }
    public EmailAddress getInvoiceEmail() { return details.invoiceEmail(); }
    public PhoneNumber getPhone() { return details.phone(); }
    public WebAddress getWebsite() { return details.website(); }
    public Long getResponsibleSellerId() { return details.responsibleSellerId(); }
    public String getNotes() { return details.notes(); }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
    public long getVersion() { return version; }
}
