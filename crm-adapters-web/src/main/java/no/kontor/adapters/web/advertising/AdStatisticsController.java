package no.kontor.adapters.web.advertising;

import no.kontor.application.advertising.BookingAdTotals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.adapters.web.shared.Text;
import no.kontor.application.advertising.ImportAdStatistics;
import no.kontor.application.advertising.MapAdServer;
import no.kontor.application.advertising.ReadAdStatistics;
import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.domain.company.CompanyId;

/**
 * The ad server's statistics (docs/decisions/ad-statistics.md): a manager maps placements to
 * its zones and bookings to its banners and imports its daily file (checked at once, written
 * in the background: 202 and a status to follow); staff read the figures per booking and per
 * company; managers the revenue per thousand impressions.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ad statistics")
public class AdStatisticsController {
    private final ImportAdStatistics imports;
    private final ReadAdStatistics read;
    private final MapAdServer map;
    private final ImportCounts counts;

    public AdStatisticsController(ImportAdStatistics imports, ReadAdStatistics read, MapAdServer map, ImportCounts counts) {
        this.imports = imports;
        this.read = read;
        this.map = map;
        this.counts = counts;
    }

    @Serdeable
    public record StartedResponse(long importId, int rows, String status) {
    }

    @Post("/ad-statistics/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importAdStatistics", summary = "Manager: import the ad server's daily statistics, CSV in UTF-8 (at most 1 MiB): "
            + "Day, Banner ID or Zone ID, Impressions, Clicks (Revive's names; other columns ignored). A bad file is refused at once, whole, "
            + "each bad line named (400). Else 202: the rows are matched and written in the background, all or nothing; follow the "
            + "Location for progress and the report (rows no booking has, rows outside their booking's days)")
    public HttpResponse<StartedResponse> importFile(@Nullable @Body byte[] file, Authentication auth) {
        // taken: the file passed its checks and its rows are written in the background (a later failure shows in its status)
        var started = counts.counted(ImportCounts.Kind.AD_STATISTICS,
                () -> imports.start(Actors.of(auth), Text.utf8File(file, "ad-statistics.encoding")), ImportAdStatistics.Started::rows);
        return HttpResponse.accepted(URI.create("/api/v1/ad-statistics/imports/" + started.importId()))
                .body(new StartedResponse(started.importId(), started.rows(), "RUNNING"));
    }


    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IssueResponse(String issue, String key, LocalDate day, @Nullable Long bookingId, long impressions, long clicks) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImportResponse(long importId, String status, String keyKind, int rows, @Nullable Integer rowsDone, LocalDate firstDay,
                                 LocalDate lastDay, @Nullable Integer counted, List<IssueResponse> issues, @Nullable String error,
                                 String importedBy, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {
    }

    @Get("/ad-statistics/imports/{id}")
    @Operation(operationId = "getAdStatisticsImport", summary = "Manager: an import: RUNNING (with the rows done so far on the node that runs "
            + "it), DONE (rows counted, and each row not counted: UNMATCHED — no booking has its banner or zone that day — or OUTSIDE — its "
            + "booking does not run that day; the first 1000) or FAILED (nothing written, the reason)")
    public ImportResponse status(long id, Authentication auth) {
        var s = imports.status(Actors.of(auth), id);
        var i = s.imported();
        return new ImportResponse(i.id(), i.status(), i.kind().name(), i.lines(), s.rowsDone(), i.firstDay(), i.lastDay(), i.counted(),
                i.issues().stream().map(x -> new IssueResponse(x.kind().name(), x.key().id(), x.day(), x.bookingId(), x.impressions(),
                        x.clicks())).toList(), i.error(), i.importedBy(), oslo(i.startedAt()), i.finishedAt() == null ? null : oslo(i.finishedAt()));
    }

    static OffsetDateTime oslo(java.time.Instant at) {
        return at.atZone(ZoneId.of("Europe/Oslo")).toOffsetDateTime();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BookingTotalsResponse(long bookingId, String placement, LocalDate firstDay, LocalDate lastDay, long impressions, long clicks,
                                        @Nullable BigDecimal clickThroughRate) {
        public static BookingTotalsResponse of(BookingAdTotals t) {
            return new BookingTotalsResponse(t.bookingId(), t.placement(), t.period().firstDay(), t.period().lastDay(), t.impressions(),
                    t.clicks(), ReadAdStatistics.clickThroughRate(t.clicks(), t.impressions()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DayResponse(LocalDate day, long impressions, long clicks, @Nullable BigDecimal clickThroughRate) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BookingStatisticsResponse(BookingTotalsResponse totals, List<DayResponse> days) {
        public static BookingStatisticsResponse of(ReadAdStatistics.BookingDays b) {
            return new BookingStatisticsResponse(BookingTotalsResponse.of(b.totals()), b.days().stream().map(d -> new DayResponse(d.day(),
                    d.impressions(), d.clicks(), ReadAdStatistics.clickThroughRate(d.clicks(), d.impressions()))).toList());
        }
    }

    @Get("/companies/{id}/ad-statistics")
    @Operation(operationId = "getCompanyAdStatistics", summary = "Each of the company's bookings with its impressions, clicks and click-through "
            + "rate (clicks per hundred impressions), the latest first")
    public List<BookingTotalsResponse> ofCompany(long id, Authentication auth) {
        return read.ofCompany(Actors.of(auth), new CompanyId(id)).stream().map(BookingTotalsResponse::of).toList();
    }

    @Get("/bookings/{id}/ad-statistics")
    @Operation(operationId = "getBookingAdStatistics", summary = "A booking's impressions, clicks and click-through rate in all and per day")
    public BookingStatisticsResponse ofBooking(long id, Authentication auth) {
        return BookingStatisticsResponse.of(read.ofBooking(Actors.of(auth), id));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RevenuePerMilleResponse(long placementId, String placement, long revenue, long impressions, @Nullable Long revenuePerMille) {
    }

    @Get("/reports/ad-revenue")
    @Operation(operationId = "getAdRevenueReport", summary = "Manager: per placement, the revenue invoiced (less credited) from `from` to `to` "
            + "(Oslo dates, both included), its bookings' impressions on those days, and the revenue per thousand impressions (øre)")
    public List<RevenuePerMilleResponse> revenue(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        return read.revenuePerMille(Actors.of(auth), from, to).stream().map(r -> new RevenuePerMilleResponse(r.placementId(), r.placement(),
                r.revenue(), r.impressions(), r.revenuePerMille())).toList();
    }

    @Serdeable
    @Schema(example = "{\"zoneId\": \"12\"}")
    public record ZoneRequest(@Nullable @Size(max = 40) String zoneId) {
    }

    @Serdeable
    @Schema(example = "{\"bannerId\": \"345\"}")
    public record BannerRequest(@Nullable @Size(max = 40) String bannerId) {
    }

    @Post("/placements/{id}/ad-zone")
    @Operation(operationId = "mapPlacementToAdZone", summary = "Manager: the placement is the ad server's zone `zoneId` (null: none); audited. "
            + "409 when another placement is that zone")
    public HttpResponse<Void> zone(long id, @Body @Valid ZoneRequest body, Authentication auth) {
        map.zone(Actors.of(auth), id, body.zoneId());
        return HttpResponse.noContent();
    }

    @Post("/bookings/{id}/ad-banner")
    @Operation(operationId = "mapBookingToAdBanner", summary = "Manager: the booking is the ad server's banner (or campaign) `bannerId` (null: "
            + "none); audited. 409 when another active booking is that banner")
    public HttpResponse<Void> banner(long id, @Body @Valid BannerRequest body, Authentication auth) {
        map.banner(Actors.of(auth), id, body.bannerId());
        return HttpResponse.noContent();
    }
}
