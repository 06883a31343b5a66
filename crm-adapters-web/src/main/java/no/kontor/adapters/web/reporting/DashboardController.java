package no.kontor.adapters.web.reporting;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.Times;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.reporting.DashboardFigures;
import no.kontor.application.reporting.ManageDashboards;
import no.kontor.domain.reporting.Dashboard;
import no.kontor.domain.reporting.DashboardLink;
import no.kontor.domain.reporting.RelativePeriod;
import no.kontor.domain.reporting.Widget;

/** Dashboards: every member of staff opens them; managers save them and publish, list and revoke their read-only links. */
@Controller("/api/v1/dashboards")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "KPIs")
public class DashboardController {
    private final ManageDashboards dashboards;
    private final DashboardFigures figures;

    public DashboardController(ManageDashboards dashboards, DashboardFigures figures) {
        this.dashboards = dashboards;
        this.figures = figures;
    }

    @Serdeable
    public record WidgetBody(@NotNull Widget.Kind kind, @Nullable RelativePeriod period, @Nullable @Size(max = 20) String grain,
                             @Nullable @Size(max = 20) String by, @Nullable @Size(max = 100) String team, @Nullable Integer answerDays,
                             @Nullable Boolean businessHours) {
        Widget widget() {
            return new Widget(kind, period, grain, by, team, answerDays, businessHours);
        }

        static WidgetBody of(Widget w) {
            return new WidgetBody(w.kind(), w.period(), w.grain(), w.by(), w.team(), w.answerDays(), w.businessHours());
        }
    }

    @Serdeable
    @Schema(example = "{\"name\": \"Salgsmøte\", \"widgets\": [{\"kind\": \"FRESHNESS\"}, {\"kind\": \"SALES\", \"period\": \"THIS_MONTH\", "
            + "\"grain\": \"WEEK\", \"by\": \"TEAM\"}, {\"kind\": \"FUNNEL\", \"period\": \"THIS_QUARTER\", \"team\": \"Annonse\"}]}")
    public record DashboardRequest(@NotNull @Size(max = 200) String name, @NotNull @Size(max = 20) List<@Valid @NotNull WidgetBody> widgets) {
        List<Widget> toWidgets() {
            return widgets.stream().map(WidgetBody::widget).toList();
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DashboardResponse(long id, String name, List<WidgetBody> widgets, long version) {
        static DashboardResponse of(Dashboard d) {
            return new DashboardResponse(d.id(), d.name(), d.widgets().stream().map(WidgetBody::of).toList(), d.version());
        }
    }

    @Post
    @Operation(operationId = "createDashboard", summary = "Manager: save a dashboard of 1–20 widgets — FRESHNESS, ENGAGEMENT, "
            + "RESPONSE_TIMES, CONVERSION, FUNNEL, SALES, SITE_REVENUE, OCCUPANCY or GOALS — each with a period relative to today "
            + "(TODAY, LAST_7_DAYS, LAST_30_DAYS, THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR, LAST_365_DAYS; FRESHNESS takes none) "
            + "and the filters its own endpoint takes")
    public HttpResponse<DashboardResponse> create(@Body @Valid DashboardRequest body, Authentication auth) {
        var d = dashboards.create(Actors.of(auth), body.name(), body.toWidgets());
        return Versions.tagged(HttpResponse.created(DashboardResponse.of(d), URI.create("/api/v1/dashboards/" + d.id())), d.version());
    }

    @Get
    @Operation(operationId = "listDashboards", summary = "Every saved dashboard, by name")
    public List<DashboardResponse> list(Authentication auth) {
        return dashboards.all(Actors.of(auth)).stream().map(DashboardResponse::of).toList();
    }

    @Get("/{id}")
    @Operation(operationId = "getDashboard", summary = "A saved dashboard: its widgets and filters")
    public HttpResponse<DashboardResponse> get(long id, Authentication auth) {
        var d = dashboards.one(Actors.of(auth), id);
        return Versions.tagged(HttpResponse.ok(DashboardResponse.of(d)), d.version());
    }

    @Put("/{id}")
    @Operation(operationId = "changeDashboard", summary = "Manager: change a dashboard; needs If-Match. Its published links show the change at once")
    public HttpResponse<DashboardResponse> change(long id, HttpRequest<?> request, @Body @Valid DashboardRequest body, Authentication auth) {
        var d = dashboards.change(Actors.of(auth), id, Versions.expected(request), body.name(), body.toWidgets());
        return Versions.tagged(HttpResponse.ok(DashboardResponse.of(d)), d.version());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FiguresResponse(long id, String name, List<FigureResponse> figures) {
    }

    @Get("/{id}/figures")
    @Operation(operationId = "getDashboardFigures", summary = "A dashboard's figures now: each widget's period seen from today "
            + "(Europe/Oslo), its figure in the shape its own endpoint answers")
    public FiguresResponse figures(long id, Authentication auth) {
        var actor = Actors.of(auth);
        var d = dashboards.one(actor, id);
        return new FiguresResponse(d.id(), d.name(), figures.of(actor, d).stream().map(FigureResponse::of).toList());
    }

    @Serdeable
    @Schema(example = "{\"expiresAt\": \"2027-06-30T23:59:59+02:00\"}")
    public record LinkRequest(@Nullable OffsetDateTime expiresAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LinkResponse(long id, long dashboardId, OffsetDateTime createdAt, String createdBy, @Nullable OffsetDateTime expiresAt,
                               @Nullable OffsetDateTime revokedAt, @Nullable String revokedBy, boolean works) {
        static LinkResponse of(DashboardLink l, java.time.Instant now) {
            return new LinkResponse(l.id(), l.dashboardId(), Times.oslo(l.createdAt()), l.createdBy(),
                    l.expiresAt() == null ? null : Times.oslo(l.expiresAt()), l.revokedAt() == null ? null : Times.oslo(l.revokedAt()),
                    l.revokedBy(), l.worksAt(now));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PublishedResponse(LinkResponse link, String token, String apiUrl, String pageUrl) {
    }

    @Post("/{id}/links")
    @Operation(operationId = "publishDashboard", summary = "Manager: publish a dashboard as a read-only link (optionally expiring at "
            + "`expiresAt`); the token is in this answer only — Kontor keeps just its hash. Audited")
    public HttpResponse<PublishedResponse> publish(long id, @Nullable @Body @Valid LinkRequest body, Authentication auth) {
        var expires = body == null || body.expiresAt() == null ? null : body.expiresAt().toInstant();
        var published = dashboards.publish(Actors.of(auth), id, expires);
        var link = LinkResponse.of(published.link(), java.time.Instant.now());
        return HttpResponse.created(new PublishedResponse(link, published.token(), "/api/v1/dashboards/shared/" + published.token(),
                "/dashboards/shared/" + published.token()), URI.create("/api/v1/dashboards/" + id + "/links/" + link.id()));
    }

    @Get("/{id}/links")
    @Operation(operationId = "listDashboardLinks", summary = "Manager: a dashboard's published links, newest first (never their tokens)")
    public List<LinkResponse> links(long id, Authentication auth) {
        var now = java.time.Instant.now();
        return dashboards.links(Actors.of(auth), id).stream().map(l -> LinkResponse.of(l, now)).toList();
    }

    @Delete("/{id}/links/{linkId}")
    @Operation(operationId = "revokeDashboardLink", summary = "Manager: revoke a link; it answers 404 from now on. Audited")
    public HttpResponse<Void> revoke(long id, long linkId, Authentication auth) {
        dashboards.revoke(Actors.of(auth), id, linkId);
        return HttpResponse.noContent();
    }
}
