package no.kontor.adapters.web.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import no.kontor.adapters.web.shared.Times;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;

/**
 * An invoice or credit note over HTTP. Money is whole øre; {@code due} is what is
 * still owed, {@code overpaid} what the customer is owed back, {@code overdue}
 * judged on today's date in Europe/Oslo.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InvoiceResponse(long id, InvoiceKind kind, InvoiceStatus status, @Nullable Long number, long companyId,
                              @Nullable Long creditedInvoiceId, String buyerReference, @Nullable String note,
                              @Nullable LocalDate issueDate, @Nullable LocalDate dueDate, @Nullable String kid,
                              @Nullable SellerResponse seller, @Nullable BuyerResponse buyer, List<LineResponse> lines,
                              List<VatResponse> perRate, long net, long vat, long gross, long paid, long credited, long due,
                              long overpaid, boolean overdue, String createdBy, OffsetDateTime createdAt, String changedBy,
                              OffsetDateTime changedAt, long version) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SellerResponse(String name, String organisationNumber, @Nullable String street, @Nullable String postalCode,
                                 @Nullable String place, String account, boolean vatRegistered, boolean foretaksregisteret) {
        static SellerResponse of(Seller s) {
            return s == null ? null : new SellerResponse(s.name(), s.organisationNumber().value(), s.street(), s.postalCode(), s.place(),
                    s.account().value(), s.vatRegistered(), s.foretaksregisteret());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BuyerResponse(long customerNumber, String name, @Nullable String organisationNumber, @Nullable String street,
                                @Nullable String postalCode, @Nullable String place, @Nullable String email, boolean ehf) {
        static BuyerResponse of(Buyer b) {
            return b == null ? null : new BuyerResponse(b.customerNumber(), b.name(),
                    b.organisationNumber() == null ? null : b.organisationNumber().value(), b.street(), b.postalCode(), b.place(),
                    b.email(), b.receivesEhf());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LineResponse(int lineNo, @Nullable Long saleId, @Nullable Integer creditedLineNo, String description,
                               BigDecimal quantity, String unitCode, long unitPrice, BigDecimal discountPercent, TaxCategory category,
                               @Nullable BigDecimal percent, @Nullable String exemptionReason, long net) {
        static LineResponse of(InvoiceLine l) {
            return new LineResponse(l.lineNo(), l.saleId(), l.creditedLineNo(), l.description(), l.quantity(), l.unitCode(),
                    l.unitPrice(), l.discountPercent(), l.category(), l.percent(), l.exemptionReason(), l.net());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VatResponse(TaxCategory category, @Nullable BigDecimal percent, long taxable, long vat,
                              @Nullable String exemptionReason) {
    }

    static InvoiceResponse of(Invoice i, LocalDate today) {
        var t = i.totals();
        return new InvoiceResponse(i.getId().value(), i.getKind(), i.getStatus(), i.getNumber(), i.getCompanyId().value(),
                i.getCreditedInvoiceId() == null ? null : i.getCreditedInvoiceId().value(), i.getBuyerReference(), i.getNote(),
                i.getIssueDate(), i.getDueDate(), i.getKid() == null ? null : i.getKid().value(), SellerResponse.of(i.getSeller()),
                BuyerResponse.of(i.getBuyer()), i.getLines().stream().map(LineResponse::of).toList(),
                t.subtotals().stream().map(s -> new VatResponse(s.category(), s.percent(), s.taxable(), s.vat(), s.exemptionReason()))
                        .toList(),
                t.net(), t.vat(), t.gross(), i.getPaid(), i.getCredited(), i.due(), i.overpaid(), i.isOverdue(today), i.getCreatedBy(),
                Times.oslo(i.getCreatedAt()), i.getChangedBy(), Times.oslo(i.getChangedAt()), i.getVersion());
    }
}
