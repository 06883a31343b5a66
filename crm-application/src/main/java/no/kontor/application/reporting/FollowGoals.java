package no.kontor.application.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import no.kontor.application.reporting.port.Goals;
import no.kontor.application.reporting.port.KpiQueries;
import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.reporting.GoalMetric;
import no.kontor.domain.shared.BusinessDays;

/**
 * Goals with their progress, for every member of staff: what the metric has reached from the
 * goal's first day to today (or its last day), that as a percentage of the target, and a
 * forecast to the period's end — a count or revenue goes on at the pace so far (linear); a
 * rate is forecast as it stands. A goal not started has reached nothing and has no forecast.
 */
public final class FollowGoals {
    private final Goals goals;
    private final LedgerQueries ledger;
    private final KpiQueries kpis;
    private final Transactions tx;
    private final Clock clock;

    public FollowGoals(Goals goals, LedgerQueries ledger, KpiQueries kpis, Transactions tx, Clock clock) {
        this.goals = goals;
        this.ledger = ledger;
        this.kpis = kpis;
        this.tx = tx;
        this.clock = clock;
    }

    public record Progress(Goal goal, LocalDate measuredTo, long daysGone, long days, BigDecimal reached, BigDecimal percentOfTarget,
                           BigDecimal forecast) {
    }

    /** The goals that overlap {@code from}–{@code to} (null: today), each with its progress today. */
    public List<Progress> execute(Actor actor, LocalDate from, LocalDate to) {
        ReportReaders.require(actor);
        var today = BusinessDays.dayOf(clock.instant());
        var first = from == null ? today : from;
        var last = to == null ? first : to;
        ReportPeriod.check(first, last);
        return tx.readOnly(() -> goals.overlapping(first, last).stream().map(g -> progress(g, today)).toList());
    }

    /** One goal with its progress today. */
    public Progress one(Actor actor, long id) {
        ReportReaders.require(actor);
        var today = BusinessDays.dayOf(clock.instant());
        return tx.readOnly(() -> progress(goals.find(id).orElseThrow(() -> new no.kontor.domain.shared.NotFoundException("goal", id)), today));
    }

    Progress progress(Goal g, LocalDate today) {
        long days = ChronoUnit.DAYS.between(g.firstDay(), g.lastDay()) + 1;
        if (today.isBefore(g.firstDay())) {
            return new Progress(g, null, 0, days, BigDecimal.ZERO, percent(BigDecimal.ZERO, g.target()), null);
        }
        var end = today.isBefore(g.lastDay()) ? today : g.lastDay();
        long gone = ChronoUnit.DAYS.between(g.firstDay(), end) + 1;
        var reached = reached(g, end);
        var forecast = g.metric().isRate() ? reached
                : reached.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(gone), 0, RoundingMode.HALF_UP);
        return new Progress(g, end, gone, days, reached, percent(reached, g.target()), forecast);
    }

    private BigDecimal reached(Goal g, LocalDate end) {
        var start = ReportPeriod.start(g.firstDay());
        var stop = ReportPeriod.end(end);
        return switch (g.metric()) {
            case REVENUE -> BigDecimal.valueOf(revenue(g, end));
            case NEW_CUSTOMERS -> BigDecimal.valueOf(kpis.newCustomers(start, stop).stream().filter(c -> inScope(g, c.staffUserId(), c.team()))
                    .mapToLong(KpiQueries.Count::count).sum());
            case ACTIVITIES -> BigDecimal.valueOf(kpis.activitiesLogged(start, stop).stream()
                    .filter(c -> inScope(g, c.staffUserId(), c.team())).mapToLong(KpiQueries.Count::count).sum());
            case CONVERSION -> {
                var groups = kpis.opened(start, stop).stream().filter(o -> inScope(g, o.sellerId(), o.team())).toList();
                long opened = groups.stream().mapToLong(KpiQueries.OpenedSales::opened).sum();
                long ordered = groups.stream().mapToLong(KpiQueries.OpenedSales::ordered).sum();
                yield zeroIfNull(Kpis.percent(ordered, opened));
            }
            case MAILOUT_RETURN_RATE -> {
                var m = kpis.mailOut(g.campaign(), Kpis.DEFAULT_ANSWER_DAYS);
                yield zeroIfNull(Kpis.percent(m.answered(), m.reached()));
            }
        };
    }

    private long revenue(Goal g, LocalDate end) {
        var dimension = g.sellerId() != null ? SalesDimension.SELLER : g.team() != null ? SalesDimension.TEAM : SalesDimension.TOTAL;
        String key = g.sellerId() != null ? g.sellerId().toString() : g.team();
        long sum = 0;
        for (var a : ledger.daily(g.firstDay(), end, dimension, LedgerQueries.Measure.BILLED)) {
            if (Objects.equals(a.key(), key)) {
                sum += switch (a.measure()) {
                    case INVOICED -> a.amount();
                    case CREDITED -> -a.amount();
                    default -> 0;
                };
            }
        }
        return sum;
    }

    private static boolean inScope(Goal g, Long sellerId, String team) {
        return g.sellerId() != null ? g.sellerId().equals(sellerId) : g.team() == null || g.team().equals(team);
    }

    private static BigDecimal zeroIfNull(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    private static BigDecimal percent(BigDecimal reached, BigDecimal target) {
        return target.signum() == 0 ? null : reached.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
    }
}
