package no.kontor.application.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.kontor.domain.identity.Actor;
import no.kontor.domain.reporting.Dashboard;
import no.kontor.domain.reporting.Widget;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.ValidationException;

/**
 * A dashboard's figures now: each widget asks the use case that owns its figure, with the
 * widget's period seen from today (Europe/Oslo) and its filters, as the reader asking.
 */
public final class DashboardFigures {
    private final Kpis kpis;
    private final SalesReport sales;
    private final SiteRevenueReport siteRevenue;
    private final ReportOccupancy occupancy;
    private final FollowGoals goals;
    private final Clock clock;

    public DashboardFigures(Kpis kpis, SalesReport sales, SiteRevenueReport siteRevenue, ReportOccupancy occupancy, FollowGoals goals,
                            Clock clock) {
        this.kpis = kpis;
        this.sales = sales;
        this.siteRevenue = siteRevenue;
        this.occupancy = occupancy;
        this.goals = goals;
        this.clock = clock;
    }

    /** A widget's figure: {@code value} is the owning use case's answer (Kpis.Freshness, SalesReport.Sales, …). */
    public record Figure(Widget widget, LocalDate from, LocalDate to, Object value) {
    }

    public List<Figure> of(Actor actor, Dashboard dashboard) {
        ReportReaders.require(actor);
        var today = BusinessDays.dayOf(clock.instant());
        var figures = new ArrayList<Figure>();
        for (var w : dashboard.widgets()) {
            var period = w.period() == null ? null : w.period().on(today);
            var from = period == null ? null : period[0];
            var to = period == null ? null : period[1];
            Object value = switch (w.kind()) {
                case FRESHNESS -> kpis.freshness(actor);
                case ENGAGEMENT -> kpis.engagement(actor, from, to, w.answerDays());
                case RESPONSE_TIMES -> kpis.responseTimes(actor, from, to, Boolean.TRUE.equals(w.businessHours()));
                case CONVERSION -> kpis.conversion(actor, from, to);
                case FUNNEL -> kpis.funnel(actor, from, to, w.team());
                case SALES -> sales.execute(actor, from, to, grain(w.grain()), dimension(w.by()));
                case SITE_REVENUE -> siteRevenue.execute(actor, from, to, grain(w.grain()));
                case OCCUPANCY -> occupancy.execute(actor, from, to);
                case GOALS -> goals.execute(actor, from, to);
            };
            figures.add(new Figure(w, from, to, value));
        }
        return figures;
    }

    /** The filters that name a report's own values (grain, by) are checked when the dashboard is saved, not when it is shown. */
    static void checkFilters(List<Widget> widgets) {
        if (widgets == null) {
            return;
        }
        for (var w : widgets) {
            grain(w.grain());
            dimension(w.by());
        }
    }

    private static Grain grain(String name) {
        try {
            return name == null ? null : Grain.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("grain", "dashboard.widget-grain", "grain is DAY, WEEK, MONTH, QUARTER or YEAR");
        }
    }

    private static SalesDimension dimension(String name) {
        try {
            return name == null ? null : SalesDimension.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("by", "dashboard.widget-by", "by is TOTAL, SELLER, TEAM, COMPANY, PRODUCT, PLACEMENT or CHANNEL");
        }
    }
}
