package no.kontor.adapters.web.reporting;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.adapters.web.shared.Text;
import no.kontor.application.reporting.Grain;
import no.kontor.application.reporting.ImportSiteStatistics;
import no.kontor.application.reporting.SiteRevenueReport;

/** The news site's statistics: a manager imports them; everyone reads revenue per article and per thousand page views. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reports")
public class SiteStatisticsController {
    private final ImportSiteStatistics imports;
    private final SiteRevenueReport revenue;
    private final CsvDownloads csv;
    private final ImportCounts counts;

    public SiteStatisticsController(ImportSiteStatistics imports, SiteRevenueReport revenue, CsvDownloads csv, ImportCounts counts) {
        this.imports = imports;
        this.revenue = revenue;
        this.csv = csv;
        this.counts = counts;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImportResponse(long importId, int lines, long days, LocalDate firstDay, LocalDate lastDay, long articles, long pageViews) {
    }

    @Post("/site-statistics")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importSiteStatistics", summary = "Manager: import the news site's statistics, CSV in UTF-8 (at most 1 MiB): "
            + "header `date;channel;articles;page_views` (or commas), a line per day (yyyy-mm-dd or dd.mm.yyyy) and section. Refused "
            + "whole with each bad line's number and reason (at most 20); each day in the file replaces what was kept for that day")
    public HttpResponse<ImportResponse> importFile(@Nullable @Body byte[] file, Authentication auth) {
        var r = counts.counted(ImportCounts.Kind.SITE_STATISTICS,
                () -> imports.fromFile(Actors.of(auth), Text.utf8File(file, "site-statistics.encoding")), ImportSiteStatistics.Result::lines);
        return HttpResponse.created(new ImportResponse(r.importId(), r.lines(), r.days(), r.firstDay(), r.lastDay(), r.articles(),
                r.pageViews()), URI.create("/api/v1/reports/site-revenue?from=" + r.firstDay() + "&to=" + r.lastDay()));
    }


    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RevenueRowResponse(@Nullable LocalDate period, @Nullable String channel, long revenue, long articles, long pageViews,
                                     @Nullable Long revenuePerArticle, @Nullable Long revenuePerThousandViews) {
        static RevenueRowResponse of(SiteRevenueReport.Row r) {
            return new RevenueRowResponse(r.period(), r.channel(), r.revenue(), r.articles(), r.pageViews(), r.revenuePerArticle(),
                    r.revenuePerThousandViews());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RevenueResponse(LocalDate from, LocalDate to, Grain grain, List<RevenueRowResponse> rows, RevenueRowResponse total) {
        static RevenueResponse of(SiteRevenueReport.Revenue r) {
            return new RevenueResponse(r.from(), r.to(), r.grain(), r.rows().stream().map(RevenueRowResponse::of).toList(),
                    RevenueRowResponse.of(r.total()));
        }
    }

    @Get("/reports/site-revenue")
    @Operation(operationId = "getSiteRevenue", summary = "Revenue per article and per thousand page views from `from` to `to` per `grain` "
            + "(default MONTH) and channel: the net invoiced less credit notes (issue dates) of placements whose channel is the site's "
            + "section, beside the section's articles and page views; øre")
    public RevenueResponse siteRevenue(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                       @Nullable @QueryValue Grain grain, Authentication auth) {
        return RevenueResponse.of(revenue.execute(Actors.of(auth), from, to, grain));
    }

    @Get(value = "/reports/site-revenue.csv", produces = "text/csv")
    @Operation(operationId = "exportSiteRevenue", summary = "Manager: revenue per article and per thousand page views as CSV")
    public HttpResponse<InputStream> siteRevenueCsv(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                    @Nullable @QueryValue Grain grain, @RequestBean CsvDownloads.Parameters p,
                                                    Authentication auth) {
        var r = revenue.execute(Actors.of(auth), from, to, grain);
        return csv.of(auth, ReportCsv.siteRevenue(r), p);
    }
}
