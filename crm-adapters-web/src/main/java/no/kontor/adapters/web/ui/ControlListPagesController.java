package no.kontor.adapters.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.reporting.CsvDownloads;
import no.kontor.adapters.web.reporting.ReportCsv;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.reporting.ControlLists;
import no.kontor.application.reporting.ListCreditNotes;
import no.kontor.application.reporting.ListOverdueInvoices;
import no.kontor.application.reporting.OverdueInvoices;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;

/**
 * The control lists in the staff pages — what should not be: overdue invoices, orders not
 * invoiced, payments no invoice claims, price deviations, bookings of lost or cancelled sales,
 * credit notes of a period. Every member of staff reads them (the same use cases and paging as
 * the API: the long lists a page of 100 at a time); managers take each away as CSV, the same
 * file as the API's.
 */
@Controller("/ui/reports/control")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ControlListPagesController {
    static final int PAGE = 100;
    private static final int MAX_CURSOR = 200;

    /** The lists, in the order the menu shows them: path → title. */
    static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("overdue", "Forfalte fakturaer");
        LISTS.put("uninvoiced", "Bestilt, ikke fakturert");
        LISTS.put("unmatched-payments", "Innbetalinger uten faktura");
        LISTS.put("price-deviations", "Prisavvik");
        LISTS.put("stray-bookings", "Bookinger på tapte salg");
        LISTS.put("credit-notes", "Kreditnotaer");
    }

    private final ControlLists controls;
    private final ListOverdueInvoices overdue;
    private final ListCreditNotes creditNotes;
    private final CsvDownloads csv;

    public ControlListPagesController(ControlLists controls, ListOverdueInvoices overdue, ListCreditNotes creditNotes, CsvDownloads csv) {
        this.controls = controls;
        this.overdue = overdue;
        this.creditNotes = creditNotes;
        this.csv = csv;
    }

    @Get
    public HttpResponse<?> index(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, ReportPagesController.SECTION, (actor, model) -> {
            model.put("lists", menu(null));
            return Pages.view("ui/control-lists", model);
        });
    }

    @Get("/{list}")
    public HttpResponse<?> list(String list, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, ReportPagesController.SECTION, (actor, model) -> {
            if (!LISTS.containsKey(list)) {
                throw new NotFoundException("control list", list);
            }
            model.put("list", list);
            model.put("title", LISTS.get(list));
            model.put("lists", menu(list));
            model.put("filter", filter(list));
            String cursor = ReportPeriodForm.param(request, "cursor");
            try {
                if (cursor != null && cursor.length() > MAX_CURSOR) {
                    throw new InvalidValueException("ui.cursor", "Sidemerket er ugyldig. Begynn fra første side.");
                }
                String query = fill(actor, list, request, cursor, model);
                boolean manager = Boolean.TRUE.equals(model.get("manager"));
                model.put("export", manager ? "/ui/reports/control/" + list + "/export.csv" + (query.isEmpty() ? "" : "?" + query) : null);
                model.put("first", cursor == null ? null : "/ui/reports/control/" + list + (query.isEmpty() ? "" : "?" + query));
                return Pages.view("ui/control-list", model);
            } catch (ValidationException | InvalidValueException e) {
                String error = Pages.explain(e);
                model.put("filterError", error);
                model.put("periodError", error);
                model.put("table", null);
                model.put("summary", null);
                model.putIfAbsent("from", typed(request, "from"));
                model.putIfAbsent("to", typed(request, "to"));
                model.putIfAbsent("asOf", typed(request, "asOf"));
                model.putIfAbsent("days", typed(request, "days"));
                model.putIfAbsent("months", ReportPeriodForm.months(null));
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/control-list", model);
            }
        });
    }

    private static String typed(HttpRequest<?> request, String name) {
        String v = ReportPeriodForm.param(request, name);
        return v == null ? "" : v.length() > 40 ? v.substring(0, 40) : v;
    }

    private static List<Map<String, Object>> menu(String current) {
        var menu = new ArrayList<Map<String, Object>>();
        LISTS.forEach((path, title) -> menu.add(Map.of("path", path, "title", title, "current", path.equals(current))));
        return menu;
    }

    /** Which filter a list takes: a period, days since ordered, a day, or none. */
    private static String filter(String list) {
        return switch (list) {
            case "price-deviations", "credit-notes" -> "period";
            case "uninvoiced" -> "days";
            case "overdue" -> "asOf";
            default -> "none";
        };
    }

    /** Puts the list's table (and the overdue list's bands, the next page) in the model; returns the query of its filter. */
    private String fill(no.kontor.domain.identity.Actor actor, String list, HttpRequest<?> request, String cursor, Map<String, Object> model) {
        switch (list) {
            case "overdue" -> {
                var asOf = Pages.date(ReportPeriodForm.param(request, "asOf"));
                var o = overdue.page(actor, asOf, cursor, PAGE);
                String query = asOf == null ? "" : "asOf=" + asOf;
                model.put("asOf", asOf == null ? "" : asOf.format(Pages.NORWEGIAN));
                model.put("summary", overdueBands(o));
                model.put("table", new ReportPanel.Table("Forfalte fakturaer per " + date(o.asOf()) + ", eldste først", List.of("Faktura",
                        "Kunde", "Forfallsdato", "Dager over forfall", "Utestående", "Purringer", "Siste purring"), o.items().stream()
                        .map(i -> new ReportPanel.Row(Long.toString(i.invoice().number()), List.of(i.invoice().buyerName(),
                                date(i.invoice().dueDate()), ReportPanels.count(i.daysOverdue()), Kroner.of(i.invoice().due()),
                                ReportPanels.count(i.invoice().reminders()), date(i.invoice().lastReminderOn())))).toList(), List.of()));
                model.put("next", next(list, query, o.nextCursor()));
                return query;
            }
            case "uninvoiced" -> {
                var days = ReportPagesController.number(request, "days");
                var page = controls.orderedNotInvoiced(actor, days, cursor, PAGE);
                int n = days == null ? ControlLists.DEFAULT_DAYS : days;
                model.put("days", Integer.toString(n));
                String query = days == null ? "" : "days=" + days;
                model.put("table", new ReportPanel.Table("Salg bestilt for mer enn " + n + " dager siden og ikke fakturert, eldste først",
                        List.of("Salg", "Kunde", "Bestilt", "Beskrivelse"), page.items().stream().map(o -> new ReportPanel.Row(
                                Long.toString(o.saleId()), List.of(o.companyName(), when(o.orderedAt()), o.description() == null ? ""
                                        : o.description()))).toList(), List.of()));
                model.put("next", next(list, query, page.nextCursor()));
                return query;
            }
            case "unmatched-payments" -> {
                model.put("table", new ReportPanel.Table("Innbetalinger som ingen faktura krever, eldste først", List.of("Betaling", "Betalt",
                        "Beløp", "KID", "Kilde", "Registrert av"), controls.unmatchedPayments(actor).stream().map(u -> new ReportPanel.Row(
                                Long.toString(u.paymentId()), List.of(date(u.paidOn()), Kroner.of(u.amount()), u.kid() == null ? "–" : u.kid(),
                                u.source(), u.registeredBy()))).toList(), List.of()));
                return "";
            }
            case "price-deviations" -> {
                var p = ReportPeriodForm.of(request);
                p.into(model);
                model.put("table", new ReportPanel.Table("Fakturalinjer " + ReportPanels.period(p.from(), p.to())
                        + " med en annen pris enn prislisten eller avtalen", List.of("Faktura", "Fakturadato", "Linje", "Beskrivelse",
                        "Plassering", "Fakturert pris", "Listepris", "Avtalt pris"), controls.priceDeviations(actor, p.from(), p.to()).stream()
                        .map(d -> new ReportPanel.Row(Long.toString(d.invoiceNumber()), List.of(date(d.issueDate()), Integer.toString(d.lineNo()),
                                d.description(), d.placementName() == null ? "–" : d.placementName(), Kroner.of(d.invoicedPrice()),
                                optional(d.listPrice()), optional(d.agreedPrice())))).toList(), List.of()));
                return p.query();
            }
            case "stray-bookings" -> {
                model.put("table", new ReportPanel.Table("Aktive bookinger der salget er tapt eller kansellert", List.of("Booking",
                        "Plassering", "Salg", "Salgssteg", "Første dag", "Siste dag", "Status"), controls.bookingsOfClosedSales(actor).stream()
                        .map(b -> new ReportPanel.Row(Long.toString(b.bookingId()), List.of(b.placementName(), Long.toString(b.saleId()),
                                ReportPanels.stage(b.saleStage()), date(b.firstDay()), date(b.lastDay()), b.status()))).toList(), List.of()));
                return "";
            }
            default -> { // credit-notes
                var p = ReportPeriodForm.of(request);
                p.into(model);
                var notes = creditNotes.execute(actor, p.from(), p.to());
                model.put("table", new ReportPanel.Table("Kreditnotaer utstedt " + ReportPanels.period(p.from(), p.to()), List.of("Kreditnota",
                        "Dato", "Kreditert faktura", "Kunde", "Beløp", "Årsak", "Utstedt av"), notes.items().stream().map(n ->
                        new ReportPanel.Row(Long.toString(n.number()), List.of(date(n.issueDate()), Long.toString(n.creditedInvoiceNumber()),
                                n.buyerName(), Kroner.of(n.gross()), n.reason(), n.issuedBy()))).toList(),
                        List.of(new ReportPanel.Row("Sum", List.of("", "", "", Kroner.of(notes.total()), "", "")))));
                return p.query();
            }
        }
    }

    private static String next(String list, String query, String nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        return "/ui/reports/control/" + list + "?" + (query.isEmpty() ? "" : query + "&") + "cursor="
                + URLEncoder.encode(nextCursor, StandardCharsets.UTF_8);
    }

    static ReportPanel.Table overdueBands(OverdueInvoices o) {
        var rows = o.bands().stream().map(b -> new ReportPanel.Row(band(b.band()), List.of(ReportPanels.count(b.invoices()),
                Kroner.of(b.due())))).toList();
        return new ReportPanel.Table("Forfalt per aldersgruppe (alle forfalte fakturaer)", List.of("Dager over forfall", "Fakturaer",
                "Utestående"), rows, List.of(new ReportPanel.Row("Sum", List.of("", Kroner.of(o.total())))));
    }

    static String band(OverdueInvoices.AgeBand band) {
        return switch (band) {
            case DAYS_0_14 -> "0–14 dager";
            case DAYS_15_30 -> "15–30 dager";
            case DAYS_31_60 -> "31–60 dager";
            case OVER_60 -> "Over 60 dager";
        };
    }

    static String date(LocalDate d) {
        return d == null ? "–" : d.format(Pages.NORWEGIAN);
    }

    static String optional(Long ore) {
        return ore == null ? "–" : Kroner.of(ore);
    }

    /** A control list as CSV, for managers (ExportPolicy first); every row, as the API's export has them. */
    @Get("/{list}/export.csv")
    public HttpResponse<?> export(String list, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, ReportPagesController.SECTION, (actor, model) -> {
            csv.check(auth);
            var options = ReportPagesController.options(request);
            var sheet = switch (list) {
                case "overdue" -> ReportCsv.overdue(overdue.export(actor, Pages.date(ReportPeriodForm.param(request, "asOf"))));
                case "uninvoiced" -> ReportCsv.uninvoicedOrders(controls.orderedNotInvoiced(actor, ReportPagesController.number(request, "days")));
                case "unmatched-payments" -> ReportCsv.unmatchedPayments(controls.unmatchedPayments(actor));
                case "price-deviations" -> {
                    var p = ReportPeriodForm.of(request);
                    yield ReportCsv.priceDeviations(p.from(), p.to(), controls.priceDeviations(actor, p.from(), p.to()));
                }
                case "stray-bookings" -> ReportCsv.strayBookings(controls.bookingsOfClosedSales(actor));
                case "credit-notes" -> {
                    var p = ReportPeriodForm.of(request);
                    yield ReportCsv.creditNotes(creditNotes.execute(actor, p.from(), p.to()));
                }
                default -> throw new NotFoundException("control list", list);
            };
            return csv.of(auth, sheet, options);
        });
    }

    static String when(java.time.Instant at) {
        return at == null ? "–" : Times.oslo(at).toLocalDate().format(Pages.NORWEGIAN);
    }
}
