package no.kontor.adapters.web.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpResponse;
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
import no.kontor.adapters.web.shared.CsvExport;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.reporting.ControlLists;
import no.kontor.application.reporting.ListCreditNotes;
import no.kontor.application.reporting.ListOverdueInvoices;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.OverdueInvoices;
import no.kontor.application.reporting.VatReport;
import no.kontor.application.reporting.VatTotals;
import no.kontor.domain.invoice.TaxCategory;

/** Reports and control lists over the books: every member of staff reads every figure; exports are for managers. */
@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reports")
public class ReportController {
    private final VatReport vat;
    private final ListOverdueInvoices overdue;
    private final ListCreditNotes creditNotes;
    private final ControlLists controls;
    private final ReportOccupancy occupancy;

    public ReportController(VatReport vat, ListOverdueInvoices overdue, ListCreditNotes creditNotes, ControlLists controls,
                            ReportOccupancy occupancy) {
        this.vat = vat;
        this.overdue = overdue;
        this.creditNotes = creditNotes;
        this.controls = controls;
        this.occupancy = occupancy;
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
    @Operation(operationId = "getVatReport", summary = "VAT per rate of the invoices issued from `from` to `to` (dates, both included, "
            + "Europe/Oslo; at most a year), less their credit notes; øre")
    public VatReportResponse vat(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        return VatReportResponse.of(vat.execute(Actors.of(auth), from, to));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BandResponse(OverdueInvoices.AgeBand band, int invoices, long due) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OverdueItemResponse(long invoiceId, long number, long companyId, String buyerName, @Nullable Long responsibleSellerId,
                                      LocalDate dueDate, long daysOverdue, OverdueInvoices.AgeBand band, long due, int reminders,
                                      @Nullable LocalDate lastReminderOn) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OverdueResponse(LocalDate asOf, List<BandResponse> bands, List<OverdueItemResponse> items, long total) {
        static OverdueResponse of(OverdueInvoices o) {
            return new OverdueResponse(o.asOf(), o.bands().stream().map(b -> new BandResponse(b.band(), b.invoices(), b.due())).toList(),
                    o.items().stream().map(i -> new OverdueItemResponse(i.invoice().invoiceId(), i.invoice().number(),
                            i.invoice().companyId(), i.invoice().buyerName(), i.invoice().responsibleSellerId(), i.invoice().dueDate(),
                            i.daysOverdue(), i.band(), i.invoice().due(), i.invoice().reminders(), i.invoice().lastReminderOn())).toList(),
                    o.total());
        }
    }

    @Get("/overdue")
    @Operation(operationId = "listOverdueInvoices", summary = "The overdue control list on `asOf` (default today, Europe/Oslo): every "
            + "overdue invoice, oldest first, with its age in days, age band (0–14, 15–30, 31–60, over 60) and reminders, and each "
            + "band's count and sum; øre")
    public OverdueResponse overdue(@Nullable @QueryValue LocalDate asOf, Authentication auth) {
        return OverdueResponse.of(overdue.execute(Actors.of(auth), asOf));
    }

    @Get(value = "/overdue.csv", produces = "text/csv")
    @Operation(operationId = "exportOverdueInvoices", summary = "Manager: the overdue control list as CSV (UTF-8 with BOM): `separator` semicolon "
            + "(default) or comma, `decimal` comma (default) or point, `dates` iso (default) or norwegian (dd.mm.yyyy); amounts in kroner")
    public HttpResponse<Writable> overdueCsv(@Nullable @QueryValue LocalDate asOf, @Nullable @QueryValue String separator,
                                             @Nullable @QueryValue String decimal, @Nullable @QueryValue String dates, Authentication auth) {
        var options = CsvExport.Options.of(separator, decimal, dates);
        var list = overdue.export(Actors.of(auth), asOf);
        return CsvExport.attachment("forfalte-fakturaer-" + list.asOf() + ".csv", options, List.of("Fakturanummer", "Kunde", "Kundenummer",
                "Forfallsdato", "Dager over forfall", "Aldersgruppe", "Utestående", "Purringer", "Siste purring"), row -> {
                    for (var item : list.items()) {
                        var invoice = item.invoice();
                        row.number(invoice.number()).text(invoice.buyerName()).number(invoice.companyId()).date(invoice.dueDate())
                                .number(item.daysOverdue()).text(item.band().name()).amount(invoice.due()).number(invoice.reminders())
                                .date(invoice.lastReminderOn()).end();
                    }
                });
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CreditNoteResponse(long creditNoteId, long number, LocalDate issueDate, long creditedInvoiceId, long creditedInvoiceNumber,
                                     long companyId, String buyerName, long gross, String reason, String issuedBy) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CreditNotesResponse(LocalDate from, LocalDate to, List<CreditNoteResponse> items, long total) {
    }

    @Get("/credit-notes")
    @Operation(operationId = "listCreditNotesOfPeriod", summary = "The credit notes issued from `from` to `to` (dates, both "
            + "included, Europe/Oslo; at most a year), each with the invoice it credits, its amount (øre, VAT included) and its reason")
    public CreditNotesResponse creditNotes(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        var notes = creditNotes.execute(Actors.of(auth), from, to);
        return new CreditNotesResponse(notes.from(), notes.to(), notes.items().stream().map(n -> new CreditNoteResponse(n.creditNoteId(),
                n.number(), n.issueDate(), n.creditedInvoiceId(), n.creditedInvoiceNumber(), n.companyId(), n.buyerName(), n.gross(),
                n.reason(), n.issuedBy())).toList(), notes.total());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UninvoicedOrderResponse(long saleId, long companyId, String companyName, @Nullable Long responsibleSellerId,
                                          java.time.OffsetDateTime orderedAt, @Nullable String description) {
    }

    @Get("/uninvoiced-orders")
    @Operation(operationId = "listUninvoicedOrders", summary = "Sales ordered more than `days` days ago (default 30, 0–3650) and still on "
            + "no invoice, oldest first")
    public List<UninvoicedOrderResponse> uninvoicedOrders(@Nullable @QueryValue Integer days, Authentication auth) {
        return controls.orderedNotInvoiced(Actors.of(auth), days).stream().map(o -> new UninvoicedOrderResponse(o.saleId(), o.companyId(),
                o.companyName(), o.responsibleSellerId(), Times.oslo(o.orderedAt()), o.description())).toList();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StrayBookingResponse(long bookingId, long placementId, String placementName, long saleId, String saleStage,
                                       LocalDate firstDay, LocalDate lastDay, String status) {
    }

    @Get("/stray-bookings")
    @Operation(operationId = "listStrayBookings", summary = "Active bookings whose sale is lost or cancelled — days held for "
            + "nobody (a sale always exists: the database keeps every booking's sale)")
    public List<StrayBookingResponse> strayBookings(Authentication auth) {
        return controls.bookingsOfClosedSales(Actors.of(auth)).stream().map(b -> new StrayBookingResponse(b.bookingId(), b.placementId(),
                b.placementName(), b.saleId(), b.saleStage(), b.firstDay(), b.lastDay(), b.status())).toList();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OccupancyRowResponse(long placementId, String name, boolean active, long daysOnSale, long bookedDays,
                                       @Nullable BigDecimal percent) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OccupancyResponse(LocalDate from, LocalDate to, List<OccupancyRowResponse> placements) {
    }

    @Get("/occupancy")
    @Operation(operationId = "getOccupancy", summary = "Occupancy per placement from `from` to `to` (dates, both included, at most a "
            + "year): booked days ÷ days on sale in percent (one decimal); a placement not on sale today has no days on sale")
    public OccupancyResponse occupancy(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        var o = occupancy.execute(Actors.of(auth), from, to);
        return new OccupancyResponse(o.from(), o.to(), o.placements().stream().map(r -> new OccupancyRowResponse(r.placementId(), r.name(),
                r.active(), r.daysOnSale(), r.bookedDays(), r.percent())).toList());
    }
}
