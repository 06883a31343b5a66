package no.kontor.adapters.web.reporting;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
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
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.reporting.ControlLists;
import no.kontor.application.reporting.Grain;
import no.kontor.application.reporting.SalesDataExport;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.SalesReport;
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
    private final SalesReport sales;
    private final SalesDataExport salesData;
    private final CsvDownloads csv;

    public ReportController(VatReport vat, ListOverdueInvoices overdue, ListCreditNotes creditNotes, ControlLists controls,
                            ReportOccupancy occupancy, SalesReport sales, SalesDataExport salesData, CsvDownloads csv) {
        this.csv = csv;
        this.sales = sales;
        this.salesData = salesData;
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
    public record OverdueResponse(LocalDate asOf, List<BandResponse> bands, List<OverdueItemResponse> items, long total,
                                  @Nullable String nextCursor) {
        static OverdueResponse of(OverdueInvoices o) {
            return new OverdueResponse(o.asOf(), o.bands().stream().map(b -> new BandResponse(b.band(), b.invoices(), b.due())).toList(),
                    o.items().stream().map(i -> new OverdueItemResponse(i.invoice().invoiceId(), i.invoice().number(),
                            i.invoice().companyId(), i.invoice().buyerName(), i.invoice().responsibleSellerId(), i.invoice().dueDate(),
                            i.daysOverdue(), i.band(), i.invoice().due(), i.invoice().reminders(), i.invoice().lastReminderOn())).toList(),
                    o.total(), o.nextCursor());
        }
    }

    @Get("/overdue")
    @Operation(operationId = "listOverdueInvoices", summary = "The overdue control list on `asOf` (default today, Europe/Oslo): the "
            + "overdue invoices, oldest first, a page at a time (`limit` default 100, at most 500; `nextCursor` for the next), each with "
            + "its age in days, age band (0–14, 15–30, 31–60, over 60) and reminders; each band's count and sum and the total over all "
            + "of them; øre. All of them as overdue.csv")
    public OverdueResponse overdue(@Nullable @QueryValue LocalDate asOf, @Nullable @QueryValue String cursor,
                                   @QueryValue(defaultValue = "100") int limit, Authentication auth) {
        return OverdueResponse.of(overdue.page(Actors.of(auth), asOf, cursor, limit));
    }

    @Get(value = "/overdue.csv", produces = "text/csv")
    @Operation(operationId = "exportOverdueInvoices", summary = "Manager: the overdue control list as CSV (UTF-8 with BOM): `separator` semicolon "
            + "(default) or comma, `decimal` comma (default) or point, `dates` iso (default) or norwegian (dd.mm.yyyy); amounts in kroner")
    public HttpResponse<InputStream> overdueCsv(@Nullable @QueryValue LocalDate asOf,
                                                @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var list = overdue.export(Actors.of(auth), asOf);
        return csv.of(auth, ReportCsv.overdue(list), p);
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
            + "no invoice, oldest first, a page at a time (`limit` default 100, at most 500; `nextCursor` for the next); all of them as "
            + "uninvoiced-orders.csv")
    public PageResponse<UninvoicedOrderResponse> uninvoicedOrders(@Nullable @QueryValue Integer days, @Nullable @QueryValue String cursor,
                                                                  @QueryValue(defaultValue = "100") int limit, Authentication auth) {
        return PageResponse.of(controls.orderedNotInvoiced(Actors.of(auth), days, cursor, limit), o -> new UninvoicedOrderResponse(o.saleId(),
                o.companyId(), o.companyName(), o.responsibleSellerId(), Times.oslo(o.orderedAt()), o.description()));
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
        static OccupancyResponse of(ReportOccupancy.Occupancy o) {
            return new OccupancyResponse(o.from(), o.to(), o.placements().stream().map(r -> new OccupancyRowResponse(r.placementId(),
                    r.name(), r.active(), r.daysOnSale(), r.bookedDays(), r.percent())).toList());
        }
    }

    @Get("/occupancy")
    @Operation(operationId = "getOccupancy", summary = "Occupancy per placement from `from` to `to` (dates, both included, at most a "
            + "year): booked days ÷ days on sale in percent (one decimal); a placement not on sale today has no days on sale")
    public OccupancyResponse occupancy(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        return OccupancyResponse.of(occupancy.execute(Actors.of(auth), from, to));
    }


    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SalesRowResponse(@Nullable LocalDate period, @Nullable String key, @Nullable String label, long ordered, long barterOrdered,
                                   long invoiced, long credited, long netInvoiced, @Nullable Long paid) {
        static SalesRowResponse of(SalesReport.Row r) {
            return new SalesRowResponse(r.period(), r.key(), r.label(), r.ordered(), r.barterOrdered(), r.invoiced(), r.credited(),
                    r.netInvoiced(), r.paid());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SalesResponse(LocalDate from, LocalDate to, Grain grain, SalesDimension by, List<SalesRowResponse> rows,
                                SalesRowResponse total) {
        static SalesResponse of(SalesReport.Sales r) {
            return new SalesResponse(r.from(), r.to(), r.grain(), r.dimension(), r.rows().stream().map(SalesRowResponse::of).toList(),
                    SalesRowResponse.of(r.total()));
        }
    }

    @Get("/sales")
    @Operation(operationId = "getSalesReport", summary = "Sales from `from` to `to` (dates, both included, Europe/Oslo; at most a year) "
            + "per `grain` (DAY, WEEK from Monday, MONTH — default, QUARTER, YEAR) and `by` (TOTAL — default, SELLER, TEAM, COMPANY, "
            + "PRODUCT, PLACEMENT): ordered (net of sales on the day they were first ordered; barterOrdered is the barter part of it), "
            + "invoiced and credited (net of lines on their issue date), paid (payments on the day paid, VAT included; only in total "
            + "and per company, null otherwise); øre")
    public SalesResponse sales(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, @Nullable @QueryValue Grain grain,
                               @Nullable @QueryValue SalesDimension by, Authentication auth) {
        return SalesResponse.of(sales.execute(Actors.of(auth), from, to, grain, by));
    }

    @Get(value = "/sales.csv", produces = "text/csv")
    @Operation(operationId = "exportSalesReport", summary = "Manager: the sales report as CSV (UTF-8 with BOM; `separator`, `decimal`, "
            + "`dates` as for every export); amounts in kroner")
    public HttpResponse<InputStream> salesCsv(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                              @Nullable @QueryValue Grain grain, @Nullable @QueryValue SalesDimension by,
                                              @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var r = sales.execute(Actors.of(auth), from, to, grain, by);
        return csv.of(auth, ReportCsv.sales(r), p);
    }

    @Get(value = "/sales-data.csv", produces = "text/csv")
    @Operation(operationId = "exportSalesData", summary = "Manager: the sales data for other tools as CSV, streamed: one row per invoice "
            + "line of the invoices issued from `from` to `to` (a sale billed twice appears with each invoice), then one per line of the "
            + "sales opened in the period and on no invoice; with company, seller, team, placement and booked days, net, the line's VAT, "
            + "invoice number and status")
    public HttpResponse<InputStream> salesDataCsv(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                  @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var prepared = salesData.prepare(Actors.of(auth), from, to);
        return csv.of(auth, "salgsdata-" + prepared.from() + "-" + prepared.to() + ".csv", p, List.of("Kilde", "Salg", "Kundenummer", "Kunde",
                "Selger", "Team", "Plassering", "Første dag", "Siste dag", "Beskrivelse", "Netto", "MVA", "Fakturanummer", "Fakturadato",
                "Status"), row -> prepared.writeTo(x -> {
                    row.text(x.source()).number(x.saleId()).number(x.companyId()).text(x.companyName()).text(x.seller()).text(x.team())
                            .text(x.placement()).date(x.firstDay()).date(x.lastDay()).text(x.description()).amount(x.net()).amount(x.vat())
                            .optionalNumber(x.invoiceNumber()).date(x.issueDate()).text(x.status()).end();
                }));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PriceDeviationResponse(long invoiceId, long invoiceNumber, LocalDate issueDate, int lineNo, long saleId, String description,
                                         @Nullable Long placementId, @Nullable String placementName, long invoicedPrice,
                                         @Nullable Long listPrice, @Nullable Long agreedPrice) {
    }

    @Get("/price-deviations")
    @Operation(operationId = "listPriceDeviations", summary = "Invoice lines of the invoices issued from `from` to `to` billed at a unit "
            + "price other than the placement's price list on the first day of its booking (else the issue date) or the sale's agreed "
            + "line; øre per unit")
    public List<PriceDeviationResponse> priceDeviations(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                        Authentication auth) {
        return controls.priceDeviations(Actors.of(auth), from, to).stream().map(d -> new PriceDeviationResponse(d.invoiceId(),
                d.invoiceNumber(), d.issueDate(), d.lineNo(), d.saleId(), d.description(), d.placementId(), d.placementName(),
                d.invoicedPrice(), d.listPrice(), d.agreedPrice())).toList();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnmatchedPaymentResponse(long paymentId, LocalDate paidOn, long amount, @Nullable String kid, String source,
                                           String registeredBy) {
    }

    @Get("/unmatched-payments")
    @Operation(operationId = "reportUnmatchedPayments", summary = "Control list: payments received that no invoice claims, the oldest first; øre")
    public List<UnmatchedPaymentResponse> unmatchedPayments(Authentication auth) {
        return controls.unmatchedPayments(Actors.of(auth)).stream().map(u -> new UnmatchedPaymentResponse(u.paymentId(), u.paidOn(),
                u.amount(), u.kid(), u.source(), u.registeredBy())).toList();
    }

    @Get(value = "/unmatched-payments.csv", produces = "text/csv")
    @Operation(operationId = "exportUnmatchedPayments", summary = "Manager: the unmatched payments as CSV")
    public HttpResponse<InputStream> unmatchedPaymentsCsv(@io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var list = controls.unmatchedPayments(Actors.of(auth));
        return csv.of(auth, ReportCsv.unmatchedPayments(list), p);
    }

    @Get(value = "/price-deviations.csv", produces = "text/csv")
    @Operation(operationId = "exportPriceDeviations", summary = "Manager: the price deviations of a period as CSV")
    public HttpResponse<InputStream> priceDeviationsCsv(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                        @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var list = controls.priceDeviations(Actors.of(auth), from, to);
        return csv.of(auth, ReportCsv.priceDeviations(from, to, list), p);
    }

    @Get(value = "/credit-notes.csv", produces = "text/csv")
    @Operation(operationId = "exportCreditNotesOfPeriod", summary = "Manager: the credit notes of a period as CSV, with their reasons")
    public HttpResponse<InputStream> creditNotesCsv(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                    @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var notes = creditNotes.execute(Actors.of(auth), from, to);
        return csv.of(auth, ReportCsv.creditNotes(notes), p);
    }

    @Get(value = "/vat.csv", produces = "text/csv")
    @Operation(operationId = "exportVatReport", summary = "Manager: the VAT report of a period as CSV, one row per rate")
    public HttpResponse<InputStream> vatCsv(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                            @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var t = vat.execute(Actors.of(auth), from, to);
        return csv.of(auth, "mva-" + from + "-" + to + ".csv", p, List.of("Kategori", "Sats", "Grunnlag", "MVA"), row -> {
            for (var r : t.rates()) {
                row.text(r.category().name()).text(r.percent() == null ? null : r.percent().toPlainString()).amount(r.taxable())
                        .amount(r.vat()).end();
            }
        });
    }

    @Get(value = "/uninvoiced-orders.csv", produces = "text/csv")
    @Operation(operationId = "exportUninvoicedOrders", summary = "Manager: the sales ordered more than `days` days ago and on no invoice, as CSV")
    public HttpResponse<InputStream> uninvoicedOrdersCsv(@Nullable @QueryValue Integer days,
                                                         @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var list = controls.orderedNotInvoiced(Actors.of(auth), days);
        return csv.of(auth, ReportCsv.uninvoicedOrders(list), p);
    }

    @Get(value = "/occupancy.csv", produces = "text/csv")
    @Operation(operationId = "exportOccupancy", summary = "Manager: occupancy per placement of a period as CSV")
    public HttpResponse<InputStream> occupancyCsv(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                  @io.micronaut.http.annotation.RequestBean CsvDownloads.Parameters p, Authentication auth) {
        var o = occupancy.execute(Actors.of(auth), from, to);
        return csv.of(auth, ReportCsv.occupancy(o), p);
    }
}
