package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.FreshnessBand;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.reporting.GoalMetric;

/**
 * The report pages' figures as panels: each use case's answer as a chart and the same numbers
 * as a table, in Norwegian. Nothing here computes a figure: the numbers are the use case's.
 */
final class ReportPanels {
    static final String NO_TEAM = "Uten team";

    private ReportPanels() {
    }

    static ReportPanel freshness(Kpis.Freshness f) {
        var bands = List.of(FreshnessBand.values());
        var columns = new ArrayList<>(List.of("Team"));
        bands.forEach(b -> columns.add(band(b)));
        columns.add("Sum");
        var rows = new ArrayList<ReportPanel.Row>();
        var teams = new ArrayList<String>();
        for (var t : f.teams()) {
            var cells = new ArrayList<String>();
            bands.forEach(b -> cells.add(count(t.customers().getOrDefault(b, 0L))));
            cells.add(count(t.total()));
            rows.add(new ReportPanel.Row(team(t.team()), cells));
            teams.add(team(t.team()));
        }
        var all = new ArrayList<String>();
        bands.forEach(b -> all.add(count(f.all().getOrDefault(b, 0L))));
        all.add(count(f.all().values().stream().mapToLong(Long::longValue).sum()));
        var series = bands.stream().map(b -> new Chart.Series(band(b), f.teams().stream()
                .map(t -> (Number) t.customers().getOrDefault(b, 0L)).toList())).toList();
        return new ReportPanel("ferskhet", "Ferskhet i kunderelasjonene", "Kunder per team etter dager siden siste kontakt, i dag.",
                Chart.bars(teams, series, "kunder").stacked().json(),
                new ReportPanel.Table("Kunder per team etter dager siden siste kontakt", columns, rows,
                        List.of(new ReportPanel.Row("Alle", all))), null);
    }

    static String band(FreshnessBand b) {
        return switch (b) {
            case UP_TO_30 -> "0–30 dager";
            case DAYS_31_TO_90 -> "31–90 dager";
            case DAYS_91_TO_180 -> "91–180 dager";
            case OVER_180 -> "Over 180 dager";
            case NEVER -> "Aldri";
        };
    }

    static ReportPanel funnel(Kpis.Funnel f) {
        var rows = new ArrayList<ReportPanel.Row>();
        var names = new ArrayList<String>();
        var values = new ArrayList<Number>();
        for (var s : f.steps()) {
            rows.add(new ReportPanel.Row(stage(s.stage()), List.of(count(s.sales()), percent(s.percentOfOpened()),
                    percent(s.dropOffFromPrevious()))));
            names.add(stage(s.stage()));
            values.add(s.sales());
        }
        String of = f.team() == null ? "alle team" : "team " + f.team();
        return new ReportPanel("salgstrakt", "Salgstrakt", "Salg åpnet " + period(f.from(), f.to()) + " (" + of
                + "): hvor mange som nådde hvert steg.", Chart.funnel(names, values).json(),
                new ReportPanel.Table("Salg åpnet i perioden per steg", List.of("Steg", "Salg", "Andel av åpnede", "Frafall fra forrige"),
                        rows, List.of(new ReportPanel.Row("Tapt", List.of(count(f.lost()), "", "")),
                                new ReportPanel.Row("Kansellert", List.of(count(f.cancelled()), "", "")))), null);
    }

    static String stage(String stage) {
        return switch (stage) {
            case "LEAD" -> "Emne";
            case "OFFERED" -> "Tilbud";
            case "ORDERED" -> "Bestilt";
            case "INVOICED" -> "Fakturert";
            case "LOST" -> "Tapt";
            case "CANCELLED" -> "Kansellert";
            default -> stage;
        };
    }

    static ReportPanel conversion(Kpis.Conversions c) {
        var rows = new ArrayList<ReportPanel.Row>();
        var teams = new ArrayList<String>();
        var lead = new ArrayList<Number>();
        var offered = new ArrayList<Number>();
        for (var t : c.byTeam()) {
            rows.add(conversionRow(team(t.team()), t));
            teams.add(team(t.team()));
            lead.add(t.leadToOrdered());
            offered.add(t.offeredToOrdered());
        }
        return new ReportPanel("konvertering", "Konvertering per team", "Av salgene åpnet " + period(c.from(), c.to())
                + ": andelen som ble bestilt.", Chart.bars(teams, List.of(new Chart.Series("Emne → bestilt", lead),
                        new Chart.Series("Tilbud → bestilt", offered)), "%").json(),
                new ReportPanel.Table("Konvertering per team", List.of("Team", "Åpnet", "Tilbud", "Bestilt", "Emne → bestilt",
                        "Tilbud → bestilt"), rows, List.of(conversionRow("Alle", c.all()))), null);
    }

    private static ReportPanel.Row conversionRow(String head, Kpis.Conversion t) {
        return new ReportPanel.Row(head, List.of(count(t.opened()), count(t.offered()), count(t.ordered()), percent(t.leadToOrdered()),
                percent(t.offeredToOrdered())));
    }

    static ReportPanel responseTimes(Kpis.ResponseTimes r) {
        var rows = new ArrayList<ReportPanel.Row>();
        var teams = new ArrayList<String>();
        var median = new ArrayList<Number>();
        var p90 = new ArrayList<Number>();
        for (var t : r.teams()) {
            rows.add(timesRow(team(t.team()), t));
            teams.add(team(t.team()));
            median.add(hours(t.median()));
            p90.add(hours(t.p90()));
        }
        String counted = r.businessHours() ? "kontortid (man–fre 08–16)" : "hele døgnet";
        return new ReportPanel("svartider", "Svartider", "Fra en innkommende henvendelse " + period(r.from(), r.to())
                + " til neste utgående kontakt med kunden; " + counted + ".", Chart.bars(teams, List.of(new Chart.Series("Median", median),
                        new Chart.Series("90-persentil", p90)), "timer").json(),
                new ReportPanel.Table("Svartider per team som svarte", List.of("Team", "Besvart", "Ubesvart", "Median", "90-persentil"),
                        rows, List.of(timesRow("Alle", r.all()))), null);
    }

    private static ReportPanel.Row timesRow(String head, Kpis.Times t) {
        return new ReportPanel.Row(head, List.of(count(t.answered()), count(t.unanswered()), duration(t.median()), duration(t.p90())));
    }

    static ReportPanel engagement(Kpis.Engagement e) {
        var rows = new ArrayList<ReportPanel.Row>();
        var teams = new ArrayList<String>();
        var shares = new ArrayList<Number>();
        for (var t : e.answeredByTeam()) {
            rows.add(new ReportPanel.Row(team(t.team()), List.of(count(t.outbound()), count(t.answered()), percent(t.percent()))));
            teams.add(team(t.team()));
            shares.add(t.percent());
        }
        var all = e.answered();
        return new ReportPanel("engasjement", "Svar på utgående kontakt", "Andelen utgående kontakter " + period(e.from(), e.to())
                + " som kunden svarte på innen " + e.answerDays() + " dager.", Chart.bars(teams, List.of(new Chart.Series("Besvart", shares)),
                        "%").json(), new ReportPanel.Table("Besvarte utgående kontakter per team", List.of("Team", "Utgående", "Besvart",
                        "Andel"), rows, List.of(new ReportPanel.Row("Alle", List.of(count(all.outbound()), count(all.answered()),
                        percent(all.percent()))))), null);
    }

    /** Goals with their progress; {@code sellers} names the sellers a goal may be for (id → name). */
    static ReportPanel goals(LocalDate from, LocalDate to, List<FollowGoals.Progress> goals, Map<Long, String> sellers) {
        var rows = new ArrayList<ReportPanel.Row>();
        var names = new ArrayList<String>();
        var percents = new ArrayList<Number>();
        for (var p : goals) {
            var g = p.goal();
            String name = goalName(g, sellers);
            rows.add(new ReportPanel.Row(name, List.of(period(g.firstDay(), g.lastDay()), goalValue(g.metric(), g.target()),
                    goalValue(g.metric(), p.reached()), percent(p.percentOfTarget()), p.forecast() == null ? "–"
                            : goalValue(g.metric(), p.forecast()))));
            names.add(name);
            percents.add(p.percentOfTarget());
        }
        return new ReportPanel("maal", "Måloppnåelse", "Målene som gjelder " + period(from, to) + ", med det som er nådd til i dag.",
                Chart.bars(names, List.of(new Chart.Series("Av målet", percents)), "%").horizontal().json(),
                new ReportPanel.Table("Mål og hvor langt de er nådd", List.of("Mål", "Periode", "Mål", "Nådd", "Av målet", "Prognose"),
                        rows, List.of()), null);
    }

    static String goalName(Goal g, Map<Long, String> sellers) {
        String who = g.sellerId() != null ? sellers.getOrDefault(g.sellerId(), "selger " + g.sellerId())
                : g.team() != null ? "team " + g.team() : "alle";
        String what = metric(g.metric()) + (g.campaign() == null ? "" : " «" + g.campaign() + "»");
        return what + " – " + who;
    }

    static String metric(GoalMetric m) {
        return switch (m) {
            case REVENUE -> "Omsetning";
            case NEW_CUSTOMERS -> "Nye kunder";
            case CONVERSION -> "Konvertering";
            case ACTIVITIES -> "Aktiviteter";
            case MAILOUT_RETURN_RATE -> "Svar på utsendelse";
        };
    }

    /** A goal's figure as its metric is counted: revenue in kroner (from øre), rates in percent, counts as counts. */
    static String goalValue(GoalMetric m, BigDecimal v) {
        if (v == null) {
            return "–";
        }
        if (m == GoalMetric.REVENUE) {
            return Kroner.of(v.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        if (m.isRate()) {
            return percent(v);
        }
        return count(v.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Sales per period and key (placement, seller, …): the table as the use case answers it, the chart per key and period. */
    static ReportPanel sales(SalesReport.Sales s, String id, String title, String keyName) {
        var rows = new ArrayList<ReportPanel.Row>();
        var keys = new LinkedHashSet<String>();
        var periods = new LinkedHashSet<LocalDate>();
        var net = new LinkedHashMap<String, BigDecimal>();
        for (var r : s.rows()) {
            String key = r.label() != null ? r.label() : s.dimension() == SalesDimension.TOTAL ? "Alle"
                    : "Uten " + keyName.toLowerCase(ReportPeriodForm.NB);
            rows.add(new ReportPanel.Row(r.period().format(Pages.NORWEGIAN), List.of(key, Kroner.of(r.ordered()), Kroner.of(r.invoiced()),
                    Kroner.of(r.credited()), Kroner.of(r.netInvoiced()))));
            keys.add(key);
            periods.add(r.period());
            net.put(r.period() + "\u0000" + key, Chart.kroner(r.netInvoiced()));
        }
        var series = periods.stream().map(p -> new Chart.Series("Fra " + p.format(Pages.NORWEGIAN), keys.stream()
                .map(k -> (Number) net.get(p + "\u0000" + k)).toList())).toList();
        var t = s.total();
        return new ReportPanel(id, title, "Netto fakturert (fakturert minus kreditert, uten mva) " + period(s.from(), s.to())
                + ", per " + grain(s.grain().name()) + ".", Chart.bars(new ArrayList<>(keys), series, "kr").json(),
                new ReportPanel.Table(title + " per " + grain(s.grain().name()), List.of("Periode fra", keyName, "Bestilt", "Fakturert",
                        "Kreditert", "Netto fakturert"), rows, List.of(new ReportPanel.Row("Sum", List.of("", Kroner.of(t.ordered()),
                        Kroner.of(t.invoiced()), Kroner.of(t.credited()), Kroner.of(t.netInvoiced()))))), null);
    }

    static String grain(String grain) {
        return switch (grain) {
            case "DAY" -> "dag";
            case "WEEK" -> "uke";
            case "QUARTER" -> "kvartal";
            case "YEAR" -> "år";
            default -> "måned";
        };
    }

    static ReportPanel siteRevenue(SiteRevenueReport.Revenue r) {
        var rows = new ArrayList<ReportPanel.Row>();
        var periods = new LinkedHashSet<LocalDate>();
        var channels = new LinkedHashSet<String>();
        var perArticle = new LinkedHashMap<String, BigDecimal>();
        for (var x : r.rows()) {
            rows.add(new ReportPanel.Row(x.period().format(Pages.NORWEGIAN), List.of(x.channel(), Kroner.of(x.revenue()), count(x.articles()),
                    count(x.pageViews()), optional(x.revenuePerArticle()), optional(x.revenuePerThousandViews()))));
            periods.add(x.period());
            channels.add(x.channel());
            perArticle.put(x.period() + "\u0000" + x.channel(), Chart.kroner(x.revenuePerArticle()));
        }
        var series = periods.stream().map(p -> new Chart.Series("Fra " + p.format(Pages.NORWEGIAN), channels.stream()
                .map(c -> (Number) perArticle.get(p + "\u0000" + c)).toList())).toList();
        var t = r.total();
        return new ReportPanel("inntekt-per-artikkel", "Inntekt per artikkel", "Netto fakturert på plasseringer i nettstedets seksjoner "
                + period(r.from(), r.to()) + ", per artikkel og per tusen sidevisninger.", Chart.bars(new ArrayList<>(channels), series, "kr")
                .json(), new ReportPanel.Table("Inntekt per artikkel og kanal per " + grain(r.grain().name()), List.of("Periode fra", "Kanal",
                        "Inntekt", "Artikler", "Sidevisninger", "Per artikkel", "Per 1000 visninger"), rows,
                        List.of(new ReportPanel.Row("Sum", List.of("", Kroner.of(t.revenue()), count(t.articles()), count(t.pageViews()),
                                optional(t.revenuePerArticle()), optional(t.revenuePerThousandViews()))))), null);
    }

    static ReportPanel occupancy(ReportOccupancy.Occupancy o) {
        var rows = new ArrayList<ReportPanel.Row>();
        var names = new ArrayList<String>();
        var percents = new ArrayList<Number>();
        for (var p : o.placements()) {
            rows.add(new ReportPanel.Row(p.name(), List.of(count(p.daysOnSale()), count(p.bookedDays()), percent(p.percent()))));
            names.add(p.name());
            percents.add(p.percent());
        }
        return new ReportPanel("belegg", "Belegg", "Bookede dager av dagene i salg " + period(o.from(), o.to()) + ", per plassering.",
                Chart.bars(names, List.of(new Chart.Series("Belegg", percents)), "%").json(),
                new ReportPanel.Table("Belegg per plassering", List.of("Plassering", "Dager i salg", "Bookede dager", "Belegg"), rows,
                        List.of()), null);
    }

    static String team(String team) {
        return team == null ? NO_TEAM : team;
    }

    static String period(LocalDate from, LocalDate to) {
        return from == null ? "" : from.equals(to) ? from.format(Pages.NORWEGIAN) : from.format(Pages.NORWEGIAN) + "–" + to.format(Pages.NORWEGIAN);
    }

    static String count(long n) {
        var symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('−');
        return new DecimalFormat("#,##0", symbols).format(n);
    }

    static String percent(BigDecimal p) {
        return p == null ? "–" : p.toPlainString().replace('.', ',') + "\u00a0%";
    }

    private static String optional(Long ore) {
        return ore == null ? "–" : Kroner.of(ore);
    }

    /** A response time as a reader takes it in: minutes, or hours and minutes. */
    static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        long minutes = Math.round(d.toSeconds() / 60.0);
        return minutes < 60 ? minutes + "\u00a0min" : minutes / 60 + "\u00a0t " + minutes % 60 + "\u00a0min";
    }

    private static BigDecimal hours(Duration d) {
        return d == null ? null : BigDecimal.valueOf(d.toSeconds()).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
    }
}
