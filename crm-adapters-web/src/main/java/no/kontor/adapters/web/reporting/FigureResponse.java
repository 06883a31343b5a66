package no.kontor.adapters.web.reporting;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import no.kontor.application.reporting.DashboardFigures;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.domain.reporting.RelativePeriod;
import no.kontor.domain.reporting.Widget;

/**
 * One widget's figure on a dashboard: the widget, the days its period covered today, and the
 * figure in the same shape its own endpoint answers (exactly one of the figure fields is set).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureResponse(Widget.Kind kind, @Nullable RelativePeriod period, @Nullable LocalDate from, @Nullable LocalDate to,
                             @Nullable KpiController.FreshnessResponse freshness, @Nullable KpiController.EngagementResponse engagement,
                             @Nullable KpiController.ResponseTimesResponse responseTimes,
                             @Nullable KpiController.ConversionsResponse conversion, @Nullable KpiController.FunnelResponse funnel,
                             @Nullable ReportController.SalesResponse sales, @Nullable SiteStatisticsController.RevenueResponse siteRevenue,
                             @Nullable ReportController.OccupancyResponse occupancy, @Nullable List<GoalController.GoalResponse> goals) {

    @SuppressWarnings("unchecked")
    static FigureResponse of(DashboardFigures.Figure f) {
        var w = f.widget();
        var v = f.value();
        return new FigureResponse(w.kind(), w.period(), f.from(), f.to(),
                v instanceof Kpis.Freshness x ? KpiController.FreshnessResponse.of(x) : null,
                v instanceof Kpis.Engagement x ? KpiController.EngagementResponse.of(x) : null,
                v instanceof Kpis.ResponseTimes x ? KpiController.ResponseTimesResponse.of(x) : null,
                v instanceof Kpis.Conversions x ? KpiController.ConversionsResponse.of(x) : null,
                v instanceof Kpis.Funnel x ? KpiController.FunnelResponse.of(x) : null,
                v instanceof SalesReport.Sales x ? ReportController.SalesResponse.of(x) : null,
                v instanceof SiteRevenueReport.Revenue x ? SiteStatisticsController.RevenueResponse.of(x) : null,
                v instanceof ReportOccupancy.Occupancy x ? ReportController.OccupancyResponse.of(x) : null,
                w.kind() == Widget.Kind.GOALS ? ((List<FollowGoals.Progress>) v).stream().map(GoalController.GoalResponse::of).toList() : null);
    }
}
