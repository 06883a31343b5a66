package no.kontor.adapters.web.ui;

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
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.reporting.CsvDownloads;
import no.kontor.adapters.web.reporting.ReportCsv;
import no.kontor.adapters.web.shared.Text;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.Grain;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.ManageDashboards;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.reporting.RelativePeriod;
import no.kontor.domain.reporting.Widget;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;

/**
 * The reports in the staff pages: the index (saved dashboards, and a form for managers to
 * save one), the KPI dashboard (freshness, funnel, conversion by team, response times, goal
 * progress) and the revenue dashboard (per placement, per article) for a chosen period, each
 * figure as a chart with its numbers in a table and a CSV export for managers, which writes
 * the same file as the API's. Every figure comes from the same use case the API calls, once
 * per page.
 */
@Controller("/ui/reports")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ReportPagesController {
    static final String SECTION = "reports";

    private final Kpis kpis;
    private final FollowGoals goals;
    private final SalesReport sales;
    private final SiteRevenueReport siteRevenue;
    private final ReportOccupancy occupancy;
    private final ManageDashboards dashboards;
    private final ManageStaff staff;
    private final CsvDownloads csv;

    public ReportPagesController(Kpis kpis, FollowGoals goals, SalesReport sales, SiteRevenueReport siteRevenue, ReportOccupancy occupancy,
                                 ManageDashboards dashboards, ManageStaff staff, CsvDownloads csv) {
        this.kpis = kpis;
        this.goals = goals;
        this.sales = sales;
        this.siteRevenue = siteRevenue;
        this.occupancy = occupancy;
        this.dashboards = dashboards;
        this.staff = staff;
        this.csv = csv;
    }

    @Get
    public HttpResponse<?> index(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> index(actor, model, HttpStatus.OK));
    }

    private HttpResponse<?> index(Actor actor, Map<String, Object> model, HttpStatus status) {
        var collator = java.text.Collator.getInstance(ReportPeriodForm.NB);
        model.put("dashboards", dashboards.all(actor).stream().sorted((a, b) -> collator.compare(a.name(), b.name()))
                .map(d -> Map.of("id", d.id(), "name", d.name(), "widgets", d.widgets().size())).toList());
        model.put("kinds", kinds());
        model.put("periods", periods());
        return Pages.view(status, "ui/reports", model);
    }

    /** A manager saves a dashboard: a name, the figures to show and one period for them all. */
    @Post("/dashboards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(@Nullable @Body Map<String, String> sent, @Nullable Authentication auth, HttpRequest<?> request) {
        var form = sent == null ? Map.<String, String>of() : sent; // an empty body is a form without fields
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            String name = form.getOrDefault("name", "");
            String refused = Text.refusal(name, false);
            try {
                if (refused != null) {
                    throw new InvalidValueException("ui.text-invalid", "Teksten inneholder et kontrolltegn eller et annet tegn som ikke kan brukes.");
                }
                var period = RelativePeriod.valueOf(form.getOrDefault("period", "THIS_MONTH"));
                var widgets = new ArrayList<Widget>();
                for (var kind : Widget.Kind.values()) {
                    if ("on".equals(form.get("kind-" + kind.name()))) {
                        widgets.add(new Widget(kind, kind.periodic() ? period : null, null, kind == Widget.Kind.SALES ? "PLACEMENT" : null,
                                null, null, null));
                    }
                }
                var d = dashboards.create(actor, name, widgets);
                return Pages.redirect("/ui/reports/dashboards/" + d.id());
            } catch (IllegalArgumentException | ValidationException | InvalidValueException e) {
                model.put("formError", e instanceof DomainException d ? Pages.explain(d) : "Velg en periode fra listen.");
                model.put("typedName", name.length() > 200 ? name.substring(0, 200) : name);
                return index(actor, model, HttpStatus.BAD_REQUEST);
            }
        });
    }

    /** The KPI dashboard for a period: freshness, funnel, conversion by team, response times and goals. */
    @Get("/kpis")
    public HttpResponse<?> kpis(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> periodPage(request, model, "ui/report-kpis", period -> {
            var panels = new ArrayList<ReportPanel>();
            panels.add(ReportPanels.freshness(kpis.freshness(actor)));
            panels.add(ReportPanels.funnel(kpis.funnel(actor, period.from(), period.to(), null)));
            panels.add(ReportPanels.conversion(kpis.conversion(actor, period.from(), period.to())));
            panels.add(ReportPanels.responseTimes(kpis.responseTimes(actor, period.from(), period.to(), false)));
            panels.add(ReportPanels.goals(period.from(), period.to(), goals.execute(actor, period.from(), period.to()), sellers(actor)));
            return exports(model, panels, period.query());
        }));
    }

    /** Revenue for a period: net invoiced per placement, and per article and thousand page views of the site's sections. */
    @Get("/revenue")
    public HttpResponse<?> revenue(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> periodPage(request, model, "ui/report-revenue", period -> {
            var panels = new ArrayList<ReportPanel>();
            panels.add(ReportPanels.sales(sales.execute(actor, period.from(), period.to(), Grain.MONTH, SalesDimension.PLACEMENT),
                    "inntekt-per-plassering", "Inntekt per plassering", "Plassering"));
            panels.add(ReportPanels.siteRevenue(siteRevenue.execute(actor, period.from(), period.to(), Grain.MONTH)));
            return exports(model, panels, period.query() + "&grain=MONTH");
        }));
    }

    /** The export link of each panel, for managers only (ExportPolicy); the figure's name is its section id. */
    private static List<ReportPanel> exports(Map<String, Object> model, List<ReportPanel> panels, String query) {
        if (!Boolean.TRUE.equals(model.get("manager"))) {
            return panels;
        }
        return panels.stream().map(p -> p.withExport("/ui/reports/kpis/" + p.id() + "/export.csv?" + query
                + (p.id().equals("inntekt-per-plassering") ? "&by=PLACEMENT" : ""))).toList();
    }

    @FunctionalInterface
    interface Figures {
        List<ReportPanel> of(ReportPeriodForm period);
    }

    /**
     * A page of figures for a period: a date or month that does not parse, or a period the use
     * cases refuse, is the form again with its error ({@code 400}) and no figures.
     */
    static HttpResponse<?> periodPage(HttpRequest<?> request, Map<String, Object> model, String template, Figures figures) {
        try {
            var period = ReportPeriodForm.of(request);
            period.into(model);
            model.put("panels", figures.of(period));
            return Pages.view(template, model);
        } catch (ValidationException | InvalidValueException e) {
            ReportPeriodForm.refused(request, model, Pages.explain(e));
            model.put("panels", List.of());
            return Pages.view(HttpStatus.BAD_REQUEST, template, model);
        }
    }

    /**
     * A figure as CSV, for managers (ExportPolicy is asked before anything is computed): the same
     * use case and, where the API has the file, the same file as the API's export.
     */
    @Get("/kpis/{figure}/export.csv")
    public HttpResponse<?> export(String figure, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            csv.check(auth);
            var options = options(request);
            var period = figure.equals("ferskhet") ? null : ReportPeriodForm.of(request);
            var from = period == null ? null : period.from();
            var to = period == null ? null : period.to();
            var sheet = switch (figure) {
                case "ferskhet" -> ReportCsv.freshness(kpis.freshness(actor));
                case "salgstrakt" -> ReportCsv.funnel(kpis.funnel(actor, from, to, ReportPeriodForm.param(request, "team")));
                case "konvertering" -> ReportCsv.conversion(kpis.conversion(actor, from, to));
                case "svartider" -> ReportCsv.responseTimes(kpis.responseTimes(actor, from, to,
                        "true".equals(ReportPeriodForm.param(request, "businessHours"))));
                case "engasjement" -> ReportCsv.engagement(kpis.engagement(actor, from, to, number(request, "answerDays")));
                case "maal" -> ReportCsv.goals(from, to, goals.execute(actor, from, to));
                case "inntekt-per-plassering", "salg" -> ReportCsv.sales(sales.execute(actor, from, to, grain(request),
                        dimension(request)));
                case "inntekt-per-artikkel" -> ReportCsv.siteRevenue(siteRevenue.execute(actor, from, to, grain(request)));
                case "belegg" -> ReportCsv.occupancy(occupancy.execute(actor, from, to));
                default -> throw new NotFoundException("report", figure);
            };
            return csv.of(auth, sheet, options);
        });
    }

    static CsvDownloads.Parameters options(HttpRequest<?> request) {
        return new CsvDownloads.Parameters(ReportPeriodForm.param(request, "separator"), ReportPeriodForm.param(request, "decimal"),
                ReportPeriodForm.param(request, "dates"));
    }

    private static Grain grain(HttpRequest<?> request) {
        String g = ReportPeriodForm.param(request, "grain");
        try {
            return g == null ? null : Grain.valueOf(g);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("grain", "report.grain-invalid", "grain is DAY, WEEK, MONTH, QUARTER or YEAR");
        }
    }

    private static SalesDimension dimension(HttpRequest<?> request) {
        String by = ReportPeriodForm.param(request, "by");
        try {
            return by == null ? null : SalesDimension.valueOf(by);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("by", "report.by-invalid", "by is TOTAL, SELLER, TEAM, COMPANY, PRODUCT, PLACEMENT or CHANNEL");
        }
    }

    static Integer number(HttpRequest<?> request, String name) {
        String n = ReportPeriodForm.param(request, name);
        try {
            return n == null ? null : Integer.valueOf(n);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "ui.number-invalid", "«" + (n.length() > 20 ? n.substring(0, 20) : n) + "» er ikke et tall.");
        }
    }

    /** Staff by id → display name, for the goals a seller is given (the first page of staff: a small organisation's all). */
    Map<Long, String> sellers(Actor actor) {
        var names = new HashMap<Long, String>();
        staff.list(actor, null, 100).items().forEach(u -> names.put(u.getId(), u.getDisplayName()));
        return names;
    }

    static List<Map<String, Object>> kinds() {
        var list = new ArrayList<Map<String, Object>>();
        for (var kind : Widget.Kind.values()) {
            list.add(Map.of("value", kind.name(), "label", kindName(kind)));
        }
        return list;
    }

    static String kindName(Widget.Kind kind) {
        return switch (kind) {
            case FRESHNESS -> "Ferskhet i kunderelasjonene";
            case ENGAGEMENT -> "Svar på utgående kontakt";
            case RESPONSE_TIMES -> "Svartider";
            case CONVERSION -> "Konvertering per team";
            case FUNNEL -> "Salgstrakt";
            case SALES -> "Inntekt per plassering";
            case SITE_REVENUE -> "Inntekt per artikkel";
            case OCCUPANCY -> "Belegg";
            case GOALS -> "Måloppnåelse";
        };
    }

    static List<Map<String, Object>> periods() {
        var list = new ArrayList<Map<String, Object>>();
        for (var p : RelativePeriod.values()) {
            list.add(Map.of("value", p.name(), "label", periodName(p), "selected", p == RelativePeriod.THIS_MONTH));
        }
        return list;
    }

    static String periodName(RelativePeriod p) {
        return switch (p) {
            case TODAY -> "I dag";
            case LAST_7_DAYS -> "Siste 7 dager";
            case LAST_30_DAYS -> "Siste 30 dager";
            case THIS_MONTH -> "Denne måneden";
            case LAST_MONTH -> "Forrige måned";
            case THIS_QUARTER -> "Dette kvartalet";
            case THIS_YEAR -> "I år";
            case LAST_365_DAYS -> "Siste 365 dager";
        };
    }
}
