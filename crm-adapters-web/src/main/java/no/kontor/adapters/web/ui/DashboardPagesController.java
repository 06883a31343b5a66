package no.kontor.adapters.web.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.reporting.DashboardFigures;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.ManageDashboards;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.reporting.Widget;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.ValidationException;

/**
 * A saved dashboard in the staff pages: its figures now (DashboardFigures, once per page),
 * each as a chart and a table with its CSV export for managers; and, for managers, its
 * published read-only links — publish one (the link is shown once: Kontor keeps only its
 * hash), list them, revoke one. The shared page itself is the API's
 * ({@code /dashboards/shared/{token}}, ReadSharedDashboard).
 */
@Controller("/ui/reports/dashboards")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class DashboardPagesController {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final ZoneId OSLO = Times.OSLO;

    private final ManageDashboards dashboards;
    private final DashboardFigures figures;
    private final ManageStaff staff;

    private final SecureCookies tls;

    public DashboardPagesController(ManageDashboards dashboards, DashboardFigures figures, ManageStaff staff, SecureCookies tls) {
        this.tls = tls;
        this.dashboards = dashboards;
        this.figures = figures;
        this.staff = staff;
    }

    @Get("/{id}")
    public HttpResponse<?> show(@PathVariable("id") String idText, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, ReportPagesController.SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            var d = dashboards.one(actor, id);
            boolean manager = Boolean.TRUE.equals(model.get("manager"));
            var sellers = d.widgets().stream().anyMatch(w -> w.kind() == Widget.Kind.GOALS) ? sellers(actor) : Map.<Long, String>of();
            var panels = new ArrayList<ReportPanel>();
            int n = 0;
            for (var f : figures.of(actor, d)) {
                var panel = panel(f, sellers);
                var withId = new ReportPanel(panel.id() + "-" + (++n), panel.title(), panel.note(), panel.chart(), panel.table(),
                        manager ? exportOf(panel.id(), f) : null);
                panels.add(withId);
            }
            model.put("dashboard", Map.of("id", d.id(), "name", d.name()));
            model.put("panels", panels);
            return Pages.view("ui/dashboard", model);
        });
    }

    @SuppressWarnings("unchecked")
    private static ReportPanel panel(DashboardFigures.Figure f, Map<Long, String> sellers) {
        var v = f.value();
        return switch (f.widget().kind()) {
            case FRESHNESS -> ReportPanels.freshness((Kpis.Freshness) v);
            case ENGAGEMENT -> ReportPanels.engagement((Kpis.Engagement) v);
            case RESPONSE_TIMES -> ReportPanels.responseTimes((Kpis.ResponseTimes) v);
            case CONVERSION -> ReportPanels.conversion((Kpis.Conversions) v);
            case FUNNEL -> ReportPanels.funnel((Kpis.Funnel) v);
            case SALES -> {
                var s = (SalesReport.Sales) v;
                yield s.dimension().name().equals("PLACEMENT") ? ReportPanels.sales(s, "inntekt-per-plassering", "Inntekt per plassering",
                        "Plassering") : ReportPanels.sales(s, "salg", "Salg", "Navn");
            }
            case SITE_REVENUE -> ReportPanels.siteRevenue((SiteRevenueReport.Revenue) v);
            case OCCUPANCY -> ReportPanels.occupancy((ReportOccupancy.Occupancy) v);
            case GOALS -> ReportPanels.goals(f.from(), f.to(), (List<FollowGoals.Progress>) v, sellers);
        };
    }

    /** The figure's CSV: the KPI export with the widget's period as it was today and its filters. */
    private static String exportOf(String figure, DashboardFigures.Figure f) {
        var w = f.widget();
        var q = new StringBuilder("/ui/reports/kpis/").append(figure).append("/export.csv");
        var params = new ArrayList<String>();
        if (f.from() != null) {
            params.add("from=" + f.from());
            params.add("to=" + f.to());
        }
        if (w.grain() != null) {
            params.add("grain=" + w.grain());
        }
        if (w.by() != null) {
            params.add("by=" + w.by());
        }
        if (w.team() != null) {
            params.add("team=" + java.net.URLEncoder.encode(w.team(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (w.answerDays() != null) {
            params.add("answerDays=" + w.answerDays());
        }
        if (Boolean.TRUE.equals(w.businessHours())) {
            params.add("businessHours=true");
        }
        return params.isEmpty() ? q.toString() : q.append('?').append(String.join("&", params)).toString();
    }

    private Map<Long, String> sellers(Actor actor) {
        var names = new HashMap<Long, String>();
        staff.list(actor, null, 100).items().forEach(u -> names.put(u.getId(), u.getDisplayName()));
        return names;
    }

    /** A dashboard's published links, newest first (managers: ManageDashboards.links refuses anyone else). */
    @Get("/{id}/links")
    public HttpResponse<?> links(@PathVariable("id") String idText, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, ReportPagesController.SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            return links(actor, id, model, HttpStatus.OK);
        });
    }

    private HttpResponse<?> links(Actor actor, long id, Map<String, Object> model, HttpStatus status) {
        var links = dashboards.links(actor, id); // the manager check first: a seller learns nothing of the dashboard here
        var d = dashboards.one(actor, id);
        var now = Instant.now();
        model.put("dashboard", Map.of("id", d.id(), "name", d.name()));
        model.put("links", links.stream().map(l -> {
            var m = new HashMap<String, Object>();
            m.put("id", l.id());
            m.put("created", l.createdAt().atZone(OSLO).format(WHEN));
            m.put("createdBy", l.createdBy());
            m.put("expires", l.expiresAt() == null ? "Aldri" : l.expiresAt().atZone(OSLO).format(WHEN));
            m.put("works", l.worksAt(now));
            m.put("state", l.revokedAt() != null ? "Trukket tilbake " + l.revokedAt().atZone(OSLO).format(WHEN) + " av " + l.revokedBy()
                    : l.worksAt(now) ? "Virker" : "Utløpt");
            return m;
        }).toList());
        return Pages.view(status, "ui/dashboard-links", model);
    }

    /**
     * Publish a link, optionally expiring after a day (dd.mm.yyyy, Europe/Oslo). The answer is
     * the links page with the new link shown this once (not a redirect: the token is in no
     * URL, history or log; reloading asks the browser before it posts again).
     */
    @Post("/{id}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> publish(@PathVariable("id") String idText, @Nullable @Body Map<String, String> sent, @Nullable Authentication auth, HttpRequest<?> request) {
        var form = sent == null ? Map.<String, String>of() : sent; // an empty body is a form without fields
        return Pages.form(auth, request, form, ReportPagesController.SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            Instant expires;
            try {
                String typed = form.getOrDefault("expires", "");
                if (typed.length() > 40) {
                    throw new InvalidValueException("ui.date", "Datoen er for lang.");
                }
                LocalDate last = Pages.date(typed);
                expires = last == null ? null : last.plusDays(1).atStartOfDay(OSLO).toInstant();
                var published = dashboards.publish(actor, id, expires);
                model.put("published", sharedUrl(request, published.token()));
                return links(actor, id, model, HttpStatus.CREATED);
            } catch (InvalidValueException | ValidationException e) {
                model.put("formError", Pages.explain(e));
                model.put("typedExpires", form.getOrDefault("expires", "").length() > 40 ? "" : form.getOrDefault("expires", ""));
                return links(actor, id, model, HttpStatus.BAD_REQUEST);
            }
        });
    }

    /** The shared page's address as the user reached Kontor (the Host they sent), to copy into another tool. */
    private String sharedUrl(HttpRequest<?> request, String token) {
        String path = "/dashboards/shared/" + token;
        String host = request.getHeaders().get("Host");
        if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:]+\\](:\\d{1,5})?")) {
            return path;
        }
        return (tls.overTls(request) ? "https://" : "http://") + host + path; // behind a trusted TLS proxy too
    }

    @Post("/{id}/links/{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revoke(@PathVariable("id") String idText, @PathVariable("linkId") String linkIdText, @Nullable @Body Map<String, String> sent, @Nullable Authentication auth,
                                  HttpRequest<?> request) {
        var form = sent == null ? Map.<String, String>of() : sent; // an empty body is a form without fields
        return Pages.form(auth, request, form, ReportPagesController.SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            long linkId = Pages.id(linkIdText);
            dashboards.revoke(actor, id, linkId);
            return Pages.redirect("/ui/reports/dashboards/" + id + "/links");
        });
    }
}
