package no.kontor.adapters.web.sale;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.sale.SaleView;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleTotals;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatCategory;

/** How sales, their lines and sums look over HTTP. Money is whole øre. */
public final class SaleResponses {
    private SaleResponses() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LineResponse(long id, @Nullable Long placementId, String description, BigDecimal quantity, SaleUnit unit, long unitPrice,
                        BigDecimal discountPercent, VatCategory vatCategory, BigDecimal vatPercent, @Nullable String exemptionReason,
                        long net) {
        static LineResponse of(SaleLine l) {
            return new LineResponse(l.id(), l.placementId(), l.description(), l.quantity(), l.unit(), l.unitPrice(),
                    l.discountPercent(), l.vatCategory(), l.vatPercent(), l.exemptionReason(), l.net());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VatResponse(VatCategory category, BigDecimal percent, long taxable, long vat) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TotalsResponse(long net, long vat, long gross, List<VatResponse> perRate) {
        static TotalsResponse of(SaleTotals t) {
            return new TotalsResponse(t.net(), t.vat(), t.gross(), t.breakdown().stream()
                    .map(b -> new VatResponse(b.category(), b.percent(), b.taxable(), b.vat())).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SaleResponse(long id, long companyId, @Nullable Long responsibleSellerId, SaleStage stage, @Nullable String stageReason,
                        boolean barter, @Nullable String description, @Nullable Long invoiceId, String createdBy,
                        OffsetDateTime createdAt, OffsetDateTime changedAt, long version, List<LineResponse> lines,
                        TotalsResponse totals) {
        static SaleResponse of(SaleView v) {
            var s = v.sale();
            return new SaleResponse(s.getId().value(), s.getCompanyId().value(), s.getResponsibleSellerId(), s.getStage(),
                    s.getStageReason(), s.isBarter(), s.getDescription(), s.getInvoiceId(), s.getCreatedBy(),
                    Times.oslo(s.getCreatedAt()), Times.oslo(s.getChangedAt()), s.getVersion(),
                    v.lines().stream().map(LineResponse::of).toList(), TotalsResponse.of(v.totals()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LinesResponse(List<LineResponse> lines, TotalsResponse totals) {
        static LinesResponse of(SaleView v) {
            return new LinesResponse(v.lines().stream().map(LineResponse::of).toList(), TotalsResponse.of(v.totals()));
        }
    }
}
