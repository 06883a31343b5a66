package no.kontor.domain.sale;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;

/** A sale to one company: its header (lines arrive with the rest of the sales capability). */
public final class Sale {
    public static final int MAX_DESCRIPTION = 2000;

    private final SaleId id;
    private final CompanyId companyId;
    private final Long responsibleSellerId;
    private final SaleStage stage;
    private final boolean barter;
    private final String description;
    private final String createdBy;
    private final Instant createdAt;
    private final String changedBy;
    private final Instant changedAt;
    private final long version;

    public Sale(SaleId id, CompanyId companyId, Long responsibleSellerId, SaleStage stage, boolean barter, String description,
                String createdBy, Instant createdAt, String changedBy, Instant changedAt, long version) {
        this.id = id;
        this.companyId = Objects.requireNonNull(companyId, "companyId");
        this.responsibleSellerId = responsibleSellerId;
        this.stage = Objects.requireNonNull(stage, "stage");
        this.barter = barter;
        this.description = description;
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
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description", "sale.description-too-long",
                    "A description is at most " + MAX_DESCRIPTION + " characters");
        }
        return new Sale(null, companyId, sellerId, first, barter, d, actor, now, actor, now, 0);
    }

    /** This sale at {@code next}, if a seller may move it there; lost and cancelled need a reason. */
    public Sale moveTo(SaleStage next, String reason, String actor, Instant now) {
        if (!stage.sellerMayMoveTo(next)) {
            throw new ConflictException("sale.invalid-stage-change", "A sale cannot go from " + stage + " to " + next);
        }
        if (next.needsReason() && (reason == null || reason.isBlank())) {
            throw new ValidationException("reason", "sale.reason-missing", "A sale that is " + next + " needs a reason");
        }
        return new Sale(id, companyId, responsibleSellerId, next, barter, description, createdBy, createdAt, actor, now, version);
    }

    public Sale withId(SaleId newId) {
        return new Sale(newId, companyId, responsibleSellerId, stage, barter, description, createdBy, createdAt, changedBy,
                changedAt, version);
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
    public boolean isBarter() { return barter; }
    public String getDescription() { return description; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
    public long getVersion() { return version; }
}
