package no.kontor.domain.sale;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;

/**
 * A sale to one company: its responsible seller, stage, barter flag and description.
 * Its lines are {@link SaleLine}s, changed only while {@link #requireChangeable()}
 * holds; the invoice it is on is set by invoicing alone.
 */
public final class Sale {
    public static final int MAX_DESCRIPTION = 2000;

    private final SaleId id;
    private final CompanyId companyId;
    private final Long responsibleSellerId;
    private final SaleStage stage;
    private final String stageReason;
    private final boolean barter;
    private final String description;
    private final Long invoiceId;
    private final String createdBy;
    private final Instant createdAt;
    private final String changedBy;
    private final Instant changedAt;
    private final long version;

    public Sale(SaleId id, CompanyId companyId, Long responsibleSellerId, SaleStage stage, String stageReason, boolean barter,
                String description, Long invoiceId, String createdBy, Instant createdAt, String changedBy, Instant changedAt, long version) {
        this.id = id;
        this.companyId = Objects.requireNonNull(companyId, "companyId");
        this.responsibleSellerId = responsibleSellerId;
        this.stage = Objects.requireNonNull(stage, "stage");
        this.stageReason = stageReason;
        this.barter = barter;
        this.description = description;
        this.invoiceId = invoiceId;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.version = version;
    }

    public static Sale open(CompanyId companyId, Long sellerId, SaleStage stage, boolean barter, String description,
                            String actor, Instant now) {
        SaleStage first = stage == null ? SaleStage.LEAD : stage;
        if (!first.mayStartIn()) {
            throw new ValidationException("stage", "sale.stage-invalid-start", "A new sale starts as a lead, offered or ordered");
        }
        return new Sale(null, companyId, sellerId, first, null, barter, cleanDescription(description), null, actor, now, actor,
                now, 0);
    }

    private static String cleanDescription(String description) {
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description", "sale.description-too-long",
                    "A description is at most " + MAX_DESCRIPTION + " characters");
        }
        return d;
    }

    /**
     * Refuses a change to the sale's content (its header or lines) once it is on an
     * invoice, invoiced, lost or cancelled.
     */
    public void requireChangeable() {
        requireOffInvoice("can no longer change");
        if (stage.isClosed()) {
            throw new ConflictException("sale.closed", "The sale " + id + " is " + stage + " and can no longer change");
        }
    }

    /**
     * Refuses anything that would change what an invoice bills: while a sale is on an
     * invoice, draft or issued, its stage, lines and bookings stay as the invoice has
     * them (discarding the draft, or a whole credit note, frees it again).
     */
    private void requireOffInvoice(String refused) {
        if (invoiceId != null) {
            throw new ConflictException("sale.on-invoice", "The sale " + id + " is on invoice " + invoiceId + " and " + refused,
                    Map.of("invoiceId", invoiceId));
        }
    }

    /** Refuses a new booking for a sale that is closed or on an invoice. */
    public void requireTakesBookings() {
        requireOffInvoice("takes no new bookings");
        if (stage.isClosed()) {
            throw new ConflictException("sale.closed", "The sale " + id + " is " + stage + " and takes no bookings");
        }
    }

    /**
     * Refuses to cancel a booking of a sale on an invoice: the invoice bills its days.
     * (Confirming one is harmless and stays allowed.)
     */
    public void requireBookingsReleasable() {
        requireOffInvoice("keeps its bookings");
    }

    /** The header changed: seller, barter flag, description. */
    public Sale change(Long sellerId, boolean newBarter, String newDescription, String actor, Instant now) {
        requireChangeable();
        return new Sale(id, companyId, sellerId, stage, stageReason, newBarter, cleanDescription(newDescription), invoiceId,
                createdBy, createdAt, actor, now, version);
    }

    /** The same sale, marked as changed by {@code actor} (its lines changed). */
    public Sale touched(String actor, Instant now) {
        requireChangeable();
        return new Sale(id, companyId, responsibleSellerId, stage, stageReason, barter, description, invoiceId, createdBy, createdAt,
                actor, now, version);
    }

    /** This sale at {@code next}, if a seller may move it there; lost and cancelled need a reason. */
    public Sale moveTo(SaleStage next, String reason, String actor, Instant now) {
        requireOffInvoice("keeps its stage");
        if (!stage.sellerMayMoveTo(next)) {
            throw new ConflictException("sale.invalid-stage-change", "A sale cannot go from " + stage + " to " + next);
        }
        if (next.needsReason() && (reason == null || reason.isBlank())) {
            throw new ValidationException("reason", "sale.reason-missing", "A sale that is " + next + " needs a reason");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return new Sale(id, companyId, responsibleSellerId, next, why, barter, description, invoiceId, createdBy, createdAt, actor,
                now, version);
    }

    /**
     * Back to a lead because what it was ordered for is gone (a reservation from the
     * public form that nobody confirmed in time). Only the system does this, never a
     * seller; a sale on an invoice, invoiced or closed refuses, like any change.
     */
    public Sale backToLead(String reason, String actor, Instant now) {
        requireChangeable();
        return new Sale(id, companyId, responsibleSellerId, SaleStage.LEAD, reason, barter, description, invoiceId, createdBy,
                createdAt, actor, now, version);
    }

    /** This ordered, uninvoiced sale on the draft invoice {@code invoiceId}: from now on its content is fixed. */
    public Sale putOnInvoice(long newInvoiceId, String actor, Instant now) {
        requireInvoiceable();
        return withInvoice(stage, newInvoiceId, actor, now);
    }

    /** Refuses a sale that is not ordered, or already on an invoice. */
    public void requireInvoiceable() {
        if (stage != SaleStage.ORDERED || invoiceId != null) {
            throw new ConflictException("sale.not-invoiceable", "The sale " + id + " is " + stage
                    + (invoiceId == null ? "" : " and on invoice " + invoiceId) + ": only an ordered, uninvoiced sale can be invoiced");
        }
    }

    /** Off its draft invoice again (the draft was discarded): ordered and changeable. */
    public Sale takenOffInvoice(String actor, Instant now) {
        return withInvoice(SaleStage.ORDERED, null, actor, now);
    }

    /**
     * Refuses a sale that the draft {@code draftId} may not bill: one no longer ordered,
     * or no longer on that draft. Issuing checks it under the sale's lock.
     */
    public void requireBilledBy(long draftId) {
        if (stage != SaleStage.ORDERED || invoiceId == null || invoiceId != draftId) {
            throw new ConflictException("invoice.sale-not-billable", "The sale " + id + " is " + stage
                    + (invoiceId == null ? " and on no invoice" : invoiceId == draftId ? "" : " and on invoice " + invoiceId)
                    + ": invoice " + draftId + " bills only ordered sales on it; discard the draft and draft again",
                    Map.of("saleId", id == null ? 0L : id.value(), "stage", stage.name()));
        }
    }

    /** Its draft invoice {@code draftId} was issued: the sale is invoiced. */
    public Sale invoiced(long draftId, String actor, Instant now) {
        requireBilledBy(draftId);
        return withInvoice(SaleStage.INVOICED, invoiceId, actor, now);
    }

    private Sale withInvoice(SaleStage newStage, Long newInvoiceId, String actor, Instant now) {
        return new Sale(id, companyId, responsibleSellerId, newStage, null, barter, description, newInvoiceId, createdBy, createdAt,
                actor, now, version);
    }

    public Sale withId(SaleId newId) {
        return new Sale(newId, companyId, responsibleSellerId, stage, stageReason, barter, description, invoiceId, createdBy, createdAt,
                changedBy, changedAt, version);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("companyId", companyId.value());
        m.put("responsibleSellerId", responsibleSellerId);
        m.put("stage", stage.name());
        m.put("barter", barter);
        m.put("description", description);
        return m;
    }

    public SaleId getId() { return id; }
    public CompanyId getCompanyId() { return companyId; }
    public Long getResponsibleSellerId() { return responsibleSellerId; }
    public SaleStage getStage() { return stage; }
    public String getStageReason() { return stageReason; }
    public boolean isBarter() { return barter; }
    public String getDescription() { return description; }
    public Long getInvoiceId() { return invoiceId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
    public long getVersion() { return version; }
}
