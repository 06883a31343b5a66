package no.kontor.adapters.web.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.application.reporting.VatReport;
import no.kontor.application.reporting.VatTotals;
import no.kontor.domain.invoice.TaxCategory;

/** Reports over the books (managers). */
@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reports")
public class ReportController {
    private final VatReport vat;

    public ReportController(VatReport vat) {
        this.vat = vat;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RateResponse(TaxCategory category, BigDecimal percent, long taxable, long vat) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VatReportResponse(LocalDate from, LocalDate to, List<RateResponse> rates, long net, long vat, long gross, int invoices,
                                    int creditNotes) {
        static VatReportResponse of(VatTotals t) {
            return new VatReportResponse(t.from(), t.to(), t.rates().stream()
                    .map(r -> new RateResponse(r.category(), r.percent(), r.taxable(), r.vat())).toList(), t.net(), t.vat(), t.gross(),
                    t.invoices(), t.creditNotes());
        }
    }

    @Get("/vat")
    @Operation(operationId = "getVatReport", summary = "Manager: VAT per rate of the invoices issued from `from` to `to` (dates, both included, "
            + "Europe/Oslo; at most a year), less their credit notes; øre")
    public VatReportResponse vat(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        return VatReportResponse.of(vat.execute(Actors.of(auth), from, to));
    }
}
