package no.kontor.application.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import no.kontor.application.reporting.port.KpiQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.ValidationException;

/**
 * The KPIs every member of staff reads (docs/decisions/kpis.md): relationship freshness,
 * quality of engagement, response time, conversion and the funnel. Periods are Europe/Oslo
 * days, both ends included; a team is the one a sale recorded when it was opened, or for
 * activities the team of the user who logged them.
 */
public final class Kpis {
    public static final int DEFAULT_ANSWER_DAYS = 7;
    public static final int MAX_ANSWER_DAYS = 90;
    public static final int DEFAULT_SILENT_DAYS = 180;
    public static final int MAX_LIST = 1000;
    /** The office day the business-hours option counts: Monday–Friday, 08:00–16:00 Europe/Oslo. */
    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(16, 0);

    private final KpiQueries queries;
    private final Transactions tx;
    private final Clock clock;

    public Kpis(KpiQueries queries, Transactions tx, Clock clock) {
        this.queries = queries;
        this.tx = tx;
        this.clock = clock;
    }

    public record TeamBands(String team, Map<FreshnessBand, Long> customers, long total) {
    }

    public record Freshness(Instant asOf, List<TeamBands> teams, Map<FreshnessBand, Long> all) {
    }

    /** Customers per team in each band of days since their last contact, now. */
    public Freshness freshness(Actor actor) {
        ReportReaders.require(actor);
        var now = clock.instant();
        return tx.readOnly(() -> {
            var byTeam = new LinkedHashMap<String, Map<FreshnessBand, Long>>();
            var all = emptyBands();
            for (var count : queries.freshness(now)) {
                byTeam.computeIfAbsent(count.team(), t -> emptyBands()).merge(count.band(), count.customers(), Long::sum);
                all.merge(count.band(), count.customers(), Long::sum);
            }
            var teams = new ArrayList<TeamBands>();
            byTeam.forEach((team, bands) -> teams.add(new TeamBands(team, bands, bands.values().stream().mapToLong(Long::longValue).sum())));
            return new Freshness(now, teams, all);
        });
    }

    private static Map<FreshnessBand, Long> emptyBands() {
        var bands = new LinkedHashMap<FreshnessBand, Long>();
        Arrays.stream(FreshnessBand.values()).forEach(b -> bands.put(b, 0L));
        return bands;
    }

    public record Silent(long companyId, String name, Long responsibleSellerId, String responsibleSeller, String team,
                         Instant lastContactAt, Long daysSilent) {
    }

    /** Customers not contacted for more than {@code days} days (null: 180), the longest silent first, at most {@code limit} (null: 100). */
    public List<Silent> silentCustomers(Actor actor, Integer days, Integer limit) {
        ReportReaders.require(actor);
        int n = within(days, DEFAULT_SILENT_DAYS, 0, 3650, "days");
        int max = within(limit, 100, 1, MAX_LIST, "limit");
        var now = clock.instant();
        return tx.readOnly(() -> queries.silentSince(now.minus(Duration.ofDays(n)), max).stream()
                .map(s -> new Silent(s.companyId(), s.name(), s.responsibleSellerId(), s.responsibleSeller(), s.team(), s.lastContactAt(),
                        s.lastContactAt() == null ? null : Duration.between(s.lastContactAt(), now).toDays()))
                .toList());
    }

    public record TeamShare(String team, long outbound, long answered, BigDecimal percent) {
    }

    public record Engagement(LocalDate from, LocalDate to, int answerDays, List<TeamShare> answeredByTeam, TeamShare answered,
                             BigDecimal activitiesPerWonSale, BigDecimal activitiesPerLostSale, long wonSales, long lostSales,
                             long unsubscribedInPeriod, long unsubscribedTotal) {
    }

    /**
     * Quality of engagement in a period: the share of outbound contacts an inbound contact
     * from the same company answered within {@code answerDays} (null: 7); activities per sale
     * until won or lost; contacts who unsubscribed.
     */
    public Engagement engagement(Actor actor, LocalDate from, LocalDate to, Integer answerDays) {
        ReportReaders.require(actor);
        ReportPeriod.check(from, to);
        int days = within(answerDays, DEFAULT_ANSWER_DAYS, 1, MAX_ANSWER_DAYS, "answerDays");
        var start = ReportPeriod.start(from);
        var end = ReportPeriod.end(to);
        return tx.readOnly(() -> {
            var teams = queries.answered(start, end, days).stream()
                    .map(a -> new TeamShare(a.team(), a.outbound(), a.answered(), percent(a.answered(), a.outbound()))).toList();
            long outbound = teams.stream().mapToLong(TeamShare::outbound).sum();
            long answered = teams.stream().mapToLong(TeamShare::answered).sum();
            var closed = queries.closedSales(start, end);
            var won = closed.stream().filter(KpiQueries.ClosedSale::won).toList();
            var lost = closed.stream().filter(c -> !c.won()).toList();
            var unsubscribed = queries.unsubscribed(start, end);
            return new Engagement(from, to, days, teams, new TeamShare(null, outbound, answered, percent(answered, outbound)),
                    average(won), average(lost), won.size(), lost.size(), unsubscribed.inPeriod(), unsubscribed.total());
        });
    }

    private static BigDecimal average(List<KpiQueries.ClosedSale> sales) {
        if (sales.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(sales.stream().mapToLong(KpiQueries.ClosedSale::activities).sum())
                .divide(BigDecimal.valueOf(sales.size()), 1, RoundingMode.HALF_UP);
    }

    public record Times(String team, long answered, long unanswered, Duration median, Duration p90) {
    }

    public record ResponseTimes(LocalDate from, LocalDate to, boolean businessHours, Times all, List<Times> teams) {
    }

    /**
     * From an inbound contact to the next outbound one on the same company: the median and
     * 90th percentile (interpolated between the nearest ranks), overall and per team of the
     * user who answered; with {@code businessHours}, only Monday–Friday 08–16 Oslo time counts.
     */
    public ResponseTimes responseTimes(Actor actor, LocalDate from, LocalDate to, boolean businessHours) {
        ReportReaders.require(actor);
        ReportPeriod.check(from, to);
        var start = ReportPeriod.start(from);
        var end = ReportPeriod.end(to);
        return tx.readOnly(() -> {
            var responses = queries.responses(start, end);
            Function<KpiQueries.Response, Duration> time = r -> businessHours ? officeTimeBetween(r.inboundAt(), r.outboundAt())
                    : Duration.between(r.inboundAt(), r.outboundAt());
            var byTeam = new TreeMap<String, List<KpiQueries.Response>>(Comparator.nullsLast(Comparator.naturalOrder()));
            responses.stream().filter(r -> r.outboundAt() != null).forEach(r -> byTeam.computeIfAbsent(r.team(), t -> new ArrayList<>()).add(r));
            var teams = new ArrayList<Times>();
            byTeam.forEach((team, answered) -> teams.add(times(team, answered, 0, time)));
            long unanswered = responses.stream().filter(r -> r.outboundAt() == null).count();
            var all = times(null, responses.stream().filter(r -> r.outboundAt() != null).toList(), unanswered, time);
            return new ResponseTimes(from, to, businessHours, all, teams);
        });
    }

    private static Times times(String team, List<KpiQueries.Response> answered, long unanswered,
                               Function<KpiQueries.Response, Duration> time) {
        var seconds = answered.stream().mapToLong(r -> time.apply(r).toSeconds()).sorted().toArray();
        return new Times(team, seconds.length, unanswered, percentile(seconds, 50), percentile(seconds, 90));
    }

    /** The p-th percentile of sorted values, interpolated between the nearest ranks (PostgreSQL's percentile_cont). */
    static Duration percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        double rank = (sorted.length - 1) * p / 100.0;
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        double value = sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
        return Duration.ofSeconds(Math.round(value));
    }

    /** The office time (Monday–Friday, 08:00–16:00 Europe/Oslo) between two instants. */
    static Duration officeTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        var total = Duration.ZERO;
        for (var day = BusinessDays.dayOf(from); !day.isAfter(BusinessDays.dayOf(to)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            var opens = day.atTime(OPENS).atZone(BusinessDays.ZONE).toInstant();
            var closes = day.atTime(CLOSES).atZone(BusinessDays.ZONE).toInstant();
            var a = from.isAfter(opens) ? from : opens;
            var b = to.isBefore(closes) ? to : closes;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    public record Conversion(String team, Long sellerId, long opened, long offered, long ordered, BigDecimal leadToOrdered,
                             BigDecimal offeredToOrdered) {
    }

    public record Conversions(LocalDate from, LocalDate to, List<Conversion> bySeller, List<Conversion> byTeam, Conversion all) {
    }

    /** Of the sales opened in the period: how many reached ordered, of all and of those offered; per seller, per team and overall. */
    public Conversions conversion(Actor actor, LocalDate from, LocalDate to) {
        ReportReaders.require(actor);
        ReportPeriod.check(from, to);
        return tx.readOnly(() -> {
            var groups = queries.opened(ReportPeriod.start(from), ReportPeriod.end(to));
            var bySeller = groups.stream().map(g -> conversion(g.team(), g.sellerId(), List.of(g))).toList();
            var byTeamGroups = new TreeMap<String, List<KpiQueries.OpenedSales>>(Comparator.nullsLast(Comparator.naturalOrder()));
            groups.forEach(g -> byTeamGroups.computeIfAbsent(g.team(), t -> new ArrayList<>()).add(g));
            var byTeam = byTeamGroups.entrySet().stream().map(e -> conversion(e.getKey(), null, e.getValue())).toList();
            return new Conversions(from, to, bySeller, byTeam, conversion(null, null, groups));
        });
    }

    private static Conversion conversion(String team, Long seller, List<KpiQueries.OpenedSales> groups) {
        long opened = groups.stream().mapToLong(KpiQueries.OpenedSales::opened).sum();
        long offered = groups.stream().mapToLong(KpiQueries.OpenedSales::offered).sum();
        long ordered = groups.stream().mapToLong(KpiQueries.OpenedSales::ordered).sum();
        return new Conversion(team, seller, opened, offered, ordered, percent(ordered, opened), percent(ordered, offered));
    }

    public record MailOutReturn(String campaign, int answerDays, long reached, long answered, BigDecimal percent) {
    }

    /**
     * A mail-out's return rate: of its recipients (contacts, or companies where no contact was
     * named), the share who answered inbound within {@code answerDays} (null: 7) of the first mail.
     */
    public MailOutReturn mailOut(Actor actor, String campaign, Integer answerDays) {
        ReportReaders.require(actor);
        if (campaign == null || campaign.isBlank() || campaign.strip().length() > 100) {
            throw new ValidationException("campaign", "report.campaign-invalid", "A mail-out is named by its campaign tag, 1–100 characters");
        }
        int days = within(answerDays, DEFAULT_ANSWER_DAYS, 1, MAX_ANSWER_DAYS, "answerDays");
        var tag = campaign.strip();
        return tx.readOnly(() -> {
            var m = queries.mailOut(tag, days);
            return new MailOutReturn(tag, days, m.reached(), m.answered(), percent(m.answered(), m.reached()));
        });
    }

    public record Step(String stage, long sales, BigDecimal percentOfOpened, BigDecimal dropOffFromPrevious) {
    }

    public record Funnel(LocalDate from, LocalDate to, String team, List<Step> steps, long lost, long cancelled) {
    }

    /**
     * For the sales opened in a period (of one team, or all when {@code team} is null): how
     * many reached each stage, from the stage history, and the share lost between stages.
     */
    public Funnel funnel(Actor actor, LocalDate from, LocalDate to, String team) {
        ReportReaders.require(actor);
        ReportPeriod.check(from, to);
        return tx.readOnly(() -> {
            var groups = queries.opened(ReportPeriod.start(from), ReportPeriod.end(to)).stream()
                    .filter(g -> team == null || Objects.equals(team, g.team())).toList();
            long[] reached = {
                groups.stream().mapToLong(KpiQueries.OpenedSales::opened).sum(),
                groups.stream().mapToLong(KpiQueries.OpenedSales::offered).sum(),
                groups.stream().mapToLong(KpiQueries.OpenedSales::ordered).sum(),
                groups.stream().mapToLong(KpiQueries.OpenedSales::invoiced).sum()};
            String[] stages = {"LEAD", "OFFERED", "ORDERED", "INVOICED"};
            var steps = new ArrayList<Step>();
            for (int i = 0; i < stages.length; i++) {
                var drop = i == 0 ? null : dropOff(reached[i - 1], reached[i]);
                steps.add(new Step(stages[i], reached[i], percent(reached[i], reached[0]), drop));
            }
            return new Funnel(from, to, team, steps, groups.stream().mapToLong(KpiQueries.OpenedSales::lost).sum(),
                    groups.stream().mapToLong(KpiQueries.OpenedSales::cancelled).sum());
        });
    }

    private static BigDecimal dropOff(long before, long after) {
        return before == 0 ? null : percent(before - after, before);
    }

    /** part ÷ whole in percent with one decimal; null when there is no whole. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static int within(Integer given, int fallback, int min, int max, String field) {
        int n = given == null ? fallback : given;
        if (n < min || n > max) {
            throw new ValidationException(field, "report." + field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT) + "-invalid",
                    field + " is " + min + "–" + max);
        }
        return n;
    }
}
