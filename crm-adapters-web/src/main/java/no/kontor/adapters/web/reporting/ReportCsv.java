package no.kontor.adapters.web.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import no.kontor.adapters.web.shared.CsvExport;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.reporting.CreditNoteRow;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.FreshnessBand;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.ListCreditNotes;
import no.kontor.application.reporting.OverdueInvoices;
import no.kontor.application.reporting.PriceDeviation;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.application.reporting.StrayBooking;
import no.kontor.application.reporting.UninvoicedOrder;
import no.kontor.application.reporting.UnmatchedPayment;

/**
 * Each report's CSV file: its name, its Norwegian column names and how a use case's answer is
 * written into rows. The API's {@code .csv} endpoints and the staff pages' export links write
 * the same file from the same answer, so a figure reads the same wherever it is taken from.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    /** A file to write: its name, header and rows (written after the header, each row ended). */
    public record Sheet(String fileName, List<String> header, Consumer<CsvExport.Row> rows) {
    }

    public static Sheet overdue(OverdueInvoices list) {
        return new Sheet("forfalte-fakturaer-" + list.asOf() + ".csv", List.of("Fakturanummer", "Kunde", "Kundenummer", "Forfallsdato",
                "Dager over forfall", "Aldersgruppe", "Utestående", "Purringer", "Siste purring"), row -> {
                    for (var item : list.items()) {
                        var invoice = item.invoice();
                        row.number(invoice.number()).text(invoice.buyerName()).number(invoice.companyId()).date(invoice.dueDate())
                                .number(item.daysOverdue()).text(item.band().name()).amount(invoice.due()).number(invoice.reminders())
                                .date(invoice.lastReminderOn()).end();
                    }
                });
    }

    public static Sheet sales(SalesReport.Sales r) {
        return new Sheet("salg-" + r.from() + "-" + r.to() + ".csv", List.of("Periode", "Nøkkel", "Navn", "Bestilt", "Herav bytte",
                "Fakturert", "Kreditert", "Netto fakturert", "Betalt"), row -> {
                    for (var x : r.rows()) {
                        row.date(x.period()).text(x.key()).text(x.label()).amount(x.ordered()).amount(x.barterOrdered()).amount(x.invoiced())
                                .amount(x.credited()).amount(x.netInvoiced()).optionalAmount(x.paid()).end();
                    }
                });
    }

    public static Sheet unmatchedPayments(List<UnmatchedPayment> list) {
        return new Sheet("uavstemte-innbetalinger.csv", List.of("Betaling", "Betalt", "Beløp", "KID", "Kilde", "Registrert av"), row -> {
            for (var u : list) {
                row.number(u.paymentId()).date(u.paidOn()).amount(u.amount()).text(u.kid()).text(u.source()).text(u.registeredBy()).end();
            }
        });
    }

    public static Sheet priceDeviations(java.time.LocalDate from, java.time.LocalDate to, List<PriceDeviation> list) {
        return new Sheet("prisavvik-" + from + "-" + to + ".csv", List.of("Fakturanummer", "Fakturadato", "Linje", "Salg", "Beskrivelse",
                "Plassering", "Fakturert pris", "Listepris", "Avtalt pris"), row -> {
                    for (var d : list) {
                        row.number(d.invoiceNumber()).date(d.issueDate()).number(d.lineNo()).number(d.saleId()).text(d.description())
                                .text(d.placementName()).amount(d.invoicedPrice()).optionalAmount(d.listPrice())
                                .optionalAmount(d.agreedPrice()).end();
                    }
                });
    }

    public static Sheet creditNotes(ListCreditNotes.CreditNotes notes) {
        return new Sheet("kreditnotaer-" + notes.from() + "-" + notes.to() + ".csv", List.of("Kreditnota", "Dato", "Kreditert faktura",
                "Kundenummer", "Kunde", "Beløp", "Årsak", "Utstedt av"), row -> {
                    for (CreditNoteRow n : notes.items()) {
                        row.number(n.number()).date(n.issueDate()).number(n.creditedInvoiceNumber()).number(n.companyId()).text(n.buyerName())
                                .amount(n.gross()).text(n.reason()).text(n.issuedBy()).end();
                    }
                });
    }

    public static Sheet uninvoicedOrders(List<UninvoicedOrder> list) {
        return new Sheet("ikke-fakturert.csv", List.of("Salg", "Kundenummer", "Kunde", "Bestilt", "Beskrivelse"), row -> {
            for (var o : list) {
                row.number(o.saleId()).number(o.companyId()).text(o.companyName()).date(Times.oslo(o.orderedAt()).toLocalDate())
                        .text(o.description()).end();
            }
        });
    }

    public static Sheet occupancy(ReportOccupancy.Occupancy o) {
        return new Sheet("belegg-" + o.from() + "-" + o.to() + ".csv", List.of("Plassering", "Navn", "Dager i salg", "Bookede dager",
                "Belegg %"), row -> {
                    for (var r : o.placements()) {
                        row.number(r.placementId()).text(r.name()).number(r.daysOnSale()).number(r.bookedDays()).text(plain(r.percent())).end();
                    }
                });
    }

    public static Sheet siteRevenue(SiteRevenueReport.Revenue r) {
        return new Sheet("inntekt-per-artikkel-" + r.from() + "-" + r.to() + ".csv", List.of("Periode", "Kanal", "Inntekt", "Artikler",
                "Sidevisninger", "Inntekt per artikkel", "Inntekt per 1000 visninger"), row -> {
                    for (var x : r.rows()) {
                        row.date(x.period()).text(x.channel()).amount(x.revenue()).number(x.articles()).number(x.pageViews())
                                .optionalAmount(x.revenuePerArticle()).optionalAmount(x.revenuePerThousandViews()).end();
                    }
                });
    }

    public static Sheet strayBookings(List<StrayBooking> list) {
        return new Sheet("bookinger-uten-salg.csv", List.of("Booking", "Plassering", "Navn", "Salg", "Salgssteg", "Første dag", "Siste dag",
                "Status"), row -> {
                    for (var b : list) {
                        row.number(b.bookingId()).number(b.placementId()).text(b.placementName()).number(b.saleId()).text(b.saleStage())
                                .date(b.firstDay()).date(b.lastDay()).text(b.status()).end();
                    }
                });
    }

    /** Customers per team in each freshness band, then every team together ("Alle"). */
    public static Sheet freshness(Kpis.Freshness f) {
        var header = new ArrayList<>(List.of("Team"));
        for (var band : FreshnessBand.values()) {
            header.add(band.name());
        }
        header.add("Sum");
        return new Sheet("ferskhet-" + Times.oslo(f.asOf()).toLocalDate() + ".csv", header, row -> {
            for (var t : f.teams()) {
                row.text(t.team());
                t.customers().values().forEach(row::number);
                row.number(t.total()).end();
            }
            row.text("Alle");
            f.all().values().forEach(row::number);
            row.number(f.all().values().stream().mapToLong(Long::longValue).sum()).end();
        });
    }

    public static Sheet funnel(Kpis.Funnel f) {
        return new Sheet("salgstrakt-" + f.from() + "-" + f.to() + ".csv", List.of("Steg", "Salg", "Andel av åpnede %",
                "Frafall fra forrige %"), row -> {
                    for (var s : f.steps()) {
                        row.text(s.stage()).number(s.sales()).decimal(s.percentOfOpened()).decimal(s.dropOffFromPrevious()).end();
                    }
                    row.text("LOST").number(f.lost()).text(null).text(null).end();
                    row.text("CANCELLED").number(f.cancelled()).text(null).text(null).end();
                });
    }

    /** Conversion per team, then overall ("Alle"). */
    public static Sheet conversion(Kpis.Conversions c) {
        return new Sheet("konvertering-" + c.from() + "-" + c.to() + ".csv", List.of("Team", "Åpnet", "Tilbud", "Bestilt",
                "Emne til bestilt %", "Tilbud til bestilt %"), row -> {
                    for (var t : c.byTeam()) {
                        conversionRow(row, t.team(), t);
                    }
                    conversionRow(row, "Alle", c.all());
                });
    }

    private static void conversionRow(CsvExport.Row row, String team, Kpis.Conversion t) {
        row.text(team).number(t.opened()).number(t.offered()).number(t.ordered()).decimal(t.leadToOrdered())
                .decimal(t.offeredToOrdered()).end();
    }

    /** Response times per team, then overall ("Alle"), in seconds as the API answers them. */
    public static Sheet responseTimes(Kpis.ResponseTimes r) {
        return new Sheet("svartider-" + r.from() + "-" + r.to() + ".csv", List.of("Team", "Besvart", "Ubesvart", "Median sekunder",
                "90-persentil sekunder"), row -> {
                    for (var t : r.teams()) {
                        timesRow(row, t.team(), t);
                    }
                    timesRow(row, "Alle", r.all());
                });
    }

    private static void timesRow(CsvExport.Row row, String team, Kpis.Times t) {
        row.text(team).number(t.answered()).number(t.unanswered()).optionalNumber(seconds(t.median())).optionalNumber(seconds(t.p90())).end();
    }

    public static Sheet engagement(Kpis.Engagement e) {
        return new Sheet("engasjement-" + e.from() + "-" + e.to() + ".csv", List.of("Team", "Utgående", "Besvart", "Besvart %"), row -> {
            for (var t : e.answeredByTeam()) {
                row.text(t.team()).number(t.outbound()).number(t.answered()).decimal(t.percent()).end();
            }
            row.text("Alle").number(e.answered().outbound()).number(e.answered().answered()).decimal(e.answered().percent()).end();
        });
    }

    /** Goals with their progress; revenue targets and figures in kroner, counts as counts, rates in percent. */
    public static Sheet goals(java.time.LocalDate from, java.time.LocalDate to, List<FollowGoals.Progress> goals) {
        return new Sheet("mal-" + from + "-" + to + ".csv", List.of("Nr", "Måler", "Første dag", "Siste dag", "Team", "Selger",
                "Kampanje", "Mål", "Nådd", "Av målet %", "Prognose", "Målt til"), row -> {
                    for (var p : goals) {
                        var g = p.goal();
                        row.number(g.id()).text(g.metric().name()).date(g.firstDay()).date(g.lastDay()).text(g.team())
                                .optionalNumber(g.sellerId()).text(g.campaign());
                        if (g.metric() == no.kontor.domain.reporting.GoalMetric.REVENUE) {
                            row.amount(g.target().longValueExact()).amount(p.reached().longValue())
                                    .decimal(p.percentOfTarget()).optionalAmount(p.forecast() == null ? null : p.forecast().longValue());
                        } else {
                            row.decimal(g.target()).decimal(p.reached()).decimal(p.percentOfTarget()).decimal(p.forecast());
                        }
                        row.date(p.measuredTo()).end();
                    }
                });
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static String plain(BigDecimal b) {
        return b == null ? null : b.toPlainString();
    }
}
