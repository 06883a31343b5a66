package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.inventory.ManagePlacements;
import no.kontor.application.sale.ChangeSaleStage;
import no.kontor.application.sale.ManageSaleLines;
import no.kontor.application.sale.OpenSale;
import no.kontor.application.sale.ReadSales;
import no.kontor.application.sale.RegisterTime;
import no.kontor.application.sale.SaleFilter;
import no.kontor.application.sale.SaleView;
import no.kontor.application.sale.TimeEntryFilter;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.TimeEntry;
import no.kontor.domain.sale.VatCategory;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.NotFoundException;

/**
 * Sales in the staff pages: a list with filters (newest first, a page at a time), a new sale
 * for a company found by name or reached from its card, the pipeline board (a column per
 * stage; a card moves by its own small form — keyboard, no script needed — or by dragging,
 * {@code board.js} filling in that same form), and a sale with its lines, sums, stage history,
 * hours and bookings. The same use cases and role checks as the API ({@code /api/v1/sales},
 * {@code /api/v1/time-entries}); a refusal is shown in Norwegian next to the form that caused it.
 */
@Controller("/ui/sales")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class SalePagesController {
    static final String SECTION = "sales";
    private static final int PAGE = 25;
    private static final int CLOSED_ON_BOARD = 5;
    /** The newest open sales a column shows; "se alle" lists the rest (a big book has thousands in a stage). */
    private static final int OPEN_ON_BOARD = 30;
    private static final List<SaleStage> OPEN = List.of(SaleStage.LEAD, SaleStage.OFFERED, SaleStage.ORDERED);
    /** What the line form offers as VAT: category and percent in one choice. */
    private static final Map<String, String> VAT_CHOICES = vatChoices();

    private final OpenSale openSale;
    private final ChangeSaleStage changeStage;
    private final ManageSaleLines lines;
    private final ReadSales readSales;
    private final RegisterTime registerTime;
    private final BookPlacement bookings;
    private final ManagePlacements placements;
    private final ViewCompany companies;
    private final SearchCompanies search;
    private final ManageStaff staff;

    public SalePagesController(OpenSale openSale, ChangeSaleStage changeStage, ManageSaleLines lines, ReadSales readSales,
                               RegisterTime registerTime, BookPlacement bookings, ManagePlacements placements, ViewCompany companies,
                               SearchCompanies search, ManageStaff staff) {
        this.openSale = openSale;
        this.changeStage = changeStage;
        this.lines = lines;
        this.readSales = readSales;
        this.registerTime = registerTime;
        this.bookings = bookings;
        this.placements = placements;
        this.companies = companies;
        this.search = search;
        this.staff = staff;
    }

    private static Map<String, String> vatChoices() {
        var m = new LinkedHashMap<String, String>();
        m.put("S25", "25 % (alminnelig sats, annonser)");
        m.put("S15", "15 % (næringsmidler)");
        m.put("S12", "12 % (lav sats)");
        m.put("Z", "0 % (nullsats, f.eks. aviser)");
        m.put("E", "Fritatt (oppgi grunn)");
        return m;
    }

    SaleNames names(Actor actor) {
        return new SaleNames(actor, companies, staff);
    }

    // ---------------------------------------------------------------- the list

    @Get
    public HttpResponse<?> list(@Nullable @QueryValue String stage, @Nullable @QueryValue String seller, @Nullable @QueryValue String company,
                                @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String uninvoiced,
                                @Nullable @QueryValue String ref, @Nullable @QueryValue String cursor,
                                @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            var names = names(actor);
            var typed = new LinkedHashMap<String, String>();
            typed.put("stage", blankToEmpty(stage));
            typed.put("seller", blankToEmpty(seller));
            typed.put("company", blankToEmpty(company));
            typed.put("from", blankToEmpty(from));
            typed.put("to", blankToEmpty(to));
            typed.put("uninvoiced", "on".equals(uninvoiced) ? "on" : "");
            typed.put("ref", blankToEmpty(ref));
            model.put("filter", typed);
            model.put("stages", stageOptions(Arrays.asList(SaleStage.values())));
            model.put("sellers", names.sellers());
            model.put("sales", List.of());
            try {
                Long companyId = Forms.id(company, "Kunde");
                if (companyId != null) {
                    model.put("companyName", names.company(new CompanyId(companyId)));
                }
                var filter = new SaleFilter(companyId == null ? null : new CompanyId(companyId), Forms.id(seller, "Selger"),
                        stageOf(stage, Set.of(SaleStage.values())), Forms.date(from, "Fra"), Forms.date(to, "Til"),
                        "on".equals(uninvoiced) ? Boolean.TRUE : null,
                        ref == null || ref.isBlank() ? null : OrderReference.parse(ref, "orderReference"));
                var page = readSales.list(actor, filter, cursor == null || cursor.isBlank() ? null : cursor, PAGE);
                names.withCompanies(page.items().stream().map(v -> v.sale().getCompanyId()).toList());
                model.put("sales", page.items().stream().map(v -> card(v, names, false)).toList());
                model.put("first", "/ui/sales" + (query(typed).isEmpty() ? "" : "?" + query(typed)));
                if (page.nextCursor() != null) {
                    typed.put("cursor", page.nextCursor());
                    model.put("next", "/ui/sales?" + query(typed));
                }
                model.put("paged", cursor != null && !cursor.isBlank());
            } catch (NotFoundException | AccessDeniedException e) {
                throw e;
            } catch (DomainException e) {
                model.put("filterError", Pages.explain(e));
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/sales/list", model);
            }
            return Pages.view("ui/sales/list", model);
        });
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    // ---------------------------------------------------------------- a new sale

    @Get("/new")
    public HttpResponse<?> newSale(@Nullable @QueryValue String company, @Nullable @QueryValue String q, @Nullable Authentication auth,
                                   HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            model.put("form", Map.of());
            try {
                Long id = Forms.id(company, "Kunde");
                return newSalePage(actor, model, id, q, HttpStatus.OK);
            } catch (InvalidValueException e) {
                model.put("formError", Pages.explain(e));
                return newSalePage(actor, model, null, q, HttpStatus.BAD_REQUEST);
            }
        });
    }

    private HttpResponse<?> newSalePage(Actor actor, Map<String, Object> model, Long companyId, String q, HttpStatus status) {
        var names = names(actor);
        String query = q == null ? "" : q.strip();
        model.put("q", query);
        model.put("results", List.of());
        if (companyId != null) {
            var card = companies.execute(actor, new CompanyId(companyId)); // not there: the 404 page
            model.put("company", Map.of("id", card.id(), "name", card.name()));
        } else if (!query.isEmpty()) {
            if (query.length() > CompanySearch.MAX_QUERY) {
                model.put("searchError", "Søket er for langt (høyst " + CompanySearch.MAX_QUERY + " tegn).");
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/sales/new", model);
            }
            var found = search.execute(actor, new CompanySearch(query, CompanySearch.Mode.PREFIX, null, null, 25, null)).items();
            if (found.isEmpty()) {
                found = search.execute(actor, new CompanySearch(query, CompanySearch.Mode.FUZZY, null, null, 25, null)).items();
            }
            model.put("results", found.stream().map(c -> Map.<String, Object>of("id", c.id(), "name", c.name(),
                    "place", c.postalPlace() == null ? "" : c.postalPlace())).toList());
        }
        model.put("startStages", stageOptions(OPEN));
        model.put("sellers", names(actor).sellers());
        model.put("me", actor.userId());
        return Pages.view(status, "ui/sales/new", model);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> open(@Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            model.put("form", form);
            Long companyId;
            try {
                companyId = Forms.id(form.get("companyId"), "Kunde");
                if (companyId == null) {
                    throw new InvalidValueException("ui.company", "Velg kunden salget gjelder (søk på navn).");
                }
            } catch (InvalidValueException e) {
                model.put("formError", Pages.explain(e));
                return newSalePage(actor, model, null, null, HttpStatus.BAD_REQUEST);
            }
            try {
                var sale = openSale.execute(actor, new OpenSale.Command(new CompanyId(companyId), Forms.id(form.get("seller"), "Selger"),
                        stageOf(form.get("stage"), Set.copyOf(OPEN)), "on".equals(form.get("barter")),
                        Forms.text(form.get("description"), "Beskrivelsen", Sale.MAX_DESCRIPTION, true)));
                return Pages.redirect("/ui/sales/" + sale.getId().value());
            } catch (NotFoundException | AccessDeniedException e) {
                throw e;
            } catch (DomainException e) {
                model.put("formError", Pages.explain(e));
                return newSalePage(actor, model, companyId, null, Pages.statusOf(e));
            }
        });
    }

    // ---------------------------------------------------------------- the board

    @Get("/board")
    public HttpResponse<?> board(@Nullable @QueryValue String moved, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            if (moved != null && moved.matches("[0-9]{1,18}") && !moved.equals("0")) {
                try {
                    var sale = readSales.view(actor, new SaleId(Long.parseLong(moved))).sale();
                    model.put("notice", "Salg " + moved + " står nå som «" + Labels.stage(sale.getStage()) + "».");
                } catch (NotFoundException ignored) {
                    // nothing to tell
                }
            }
            return boardPage(actor, model, HttpStatus.OK);
        });
    }

    private HttpResponse<?> boardPage(Actor actor, Map<String, Object> model, HttpStatus status) {
        var pages = new LinkedHashMap<SaleStage, no.kontor.application.shared.Page<SaleView>>();
        for (SaleStage stage : SaleStage.values()) {
            pages.put(stage, readSales.list(actor, new SaleFilter(null, null, stage, null, null, null), null,
                    OPEN.contains(stage) ? OPEN_ON_BOARD : CLOSED_ON_BOARD));
        }
        var names = names(actor).withCompanies(pages.values().stream().flatMap(p -> p.items().stream())
                .map(v -> v.sale().getCompanyId()).toList());
        var columns = new ArrayList<Map<String, Object>>();
        for (SaleStage stage : SaleStage.values()) {
            boolean open = OPEN.contains(stage);
            var page = pages.get(stage);
            var column = new LinkedHashMap<String, Object>();
            column.put("stage", stage.name());
            column.put("label", Labels.stage(stage));
            column.put("open", open);
            column.put("needsReason", stage.needsReason());
            column.put("cards", page.items().stream().map(v -> card(v, names, open)).toList());
            column.put("more", page.nextCursor() != null);
            columns.add(column);
        }
        model.put("columns", columns);
        return Pages.view(status, "ui/sales/board", model);
    }

    /** A sale as a card (board) or a row (list): who, what, how much, and where it may go. */
    private Map<String, Object> card(SaleView view, SaleNames names, boolean withMoves) {
        var sale = view.sale();
        var m = new HashMap<String, Object>();
        m.put("id", sale.getId().value());
        m.put("company", names.company(sale.getCompanyId()));
        m.put("companyId", sale.getCompanyId().value());
        m.put("seller", names.user(sale.getResponsibleSellerId()));
        m.put("stage", sale.getStage().name());
        m.put("stageLabel", Labels.stage(sale.getStage()));
        m.put("description", sale.getDescription() == null ? "" : sale.getDescription());
        m.put("gross", Kroner.of(view.totals().gross()));
        m.put("net", Kroner.of(view.totals().net()));
        m.put("opened", Labels.when(sale.getCreatedAt()));
        m.put("onInvoice", sale.getInvoiceId() != null);
        m.put("moves", withMoves ? moves(sale) : List.of());
        return m;
    }

    /** The stages a seller may move this sale to (none while it is on an invoice: the stage is the invoice's). */
    private static List<Map<String, Object>> moves(Sale sale) {
        if (sale.getInvoiceId() != null) {
            return List.of();
        }
        return stageOptions(Arrays.stream(SaleStage.values()).filter(sale.getStage()::sellerMayMoveTo).toList());
    }

    private static List<Map<String, Object>> stageOptions(List<SaleStage> stages) {
        return stages.stream().map(s -> Map.<String, Object>of("value", s.name(), "label", Labels.stage(s), "needsReason",
                s.needsReason())).toList();
    }

    private static SaleStage stageOf(String typed, Set<SaleStage> allowed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            var stage = SaleStage.valueOf(typed.strip());
            if (allowed.contains(stage)) {
                return stage;
            }
        } catch (IllegalArgumentException e) {
            // told below
        }
        throw new InvalidValueException("ui.stage", "«" + typed.strip() + "» er ikke et steg her.");
    }

    /** Move a sale (from its card on the board, or from the sale's page): ChangeSaleStage's rules and reasons. */
    @Post("/{id}/stage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> stage(@PathVariable("id") String idText, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            boolean fromSale = "sale".equals(form.get("back"));
            var saleId = new SaleId(id);
            SaleStage next = null;
            try {
                next = stageOf(form.get("stage"), Set.of(SaleStage.values()));
                if (next == null) {
                    throw new InvalidValueException("ui.stage", "Velg steget salget skal flyttes til.");
                }
                changeStage.execute(actor, saleId, next, Forms.text(form.get("reason"), "Begrunnelsen", 500, true));
            } catch (NotFoundException | AccessDeniedException e) {
                throw e;
            } catch (DomainException e) {
                var current = readSales.view(actor, saleId).sale().getStage();
                String why = Pages.explain(e);
                if (next != null && "sale.invalid-stage-change".equals(e.code())) {
                    why = "Salg " + id + " kan ikke flyttes fra «" + Labels.stage(current) + "» til «" + Labels.stage(next) + "». " + why;
                }
                model.put("refusal", why);
                model.put("refusedSale", id);
                model.put("reason", form.getOrDefault("reason", ""));
                return fromSale ? salePage(actor, model, saleId, Pages.statusOf(e)) : boardPage(actor, model, Pages.statusOf(e));
            }
            return Pages.redirect(fromSale ? "/ui/sales/" + id : "/ui/sales/board?moved=" + id + "#sale-" + id);
        });
    }

    // ---------------------------------------------------------------- a sale

    @Get("/{id}")
    public HttpResponse<?> sale(@PathVariable("id") String idText, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            return salePage(actor, model, new SaleId(id), HttpStatus.OK);
        });
    }

    private HttpResponse<?> salePage(Actor actor, Map<String, Object> model, SaleId id, HttpStatus status) {
        var names = names(actor);
        var view = readSales.view(actor, id);
        var sale = view.sale();
        var m = card(view, names, true);
        m.put("reason", sale.getStageReason() == null ? "" : sale.getStageReason());
        m.put("barter", sale.isBarter());
        m.put("invoiceId", sale.getInvoiceId());
        m.put("version", sale.getVersion());
        m.put("createdBy", names.who(sale.getCreatedBy()));
        boolean changeable = !sale.getStage().isClosed() && sale.getInvoiceId() == null;
        m.put("changeable", changeable);
        model.put("sale", m);

        var hours = registerTime.list(actor, new TimeEntryFilter(id, null, null, null), null, 500).items();
        var hourLines = hours.stream().map(TimeEntry::lineId).collect(Collectors.toSet());
        var placementNames = new HashMap<Long, String>();
        var all = new ArrayList<Placement>();
        String cursor = null;
        do {
            var page = placements.list(actor, cursor, 100);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < 2000);
        all.forEach(p -> placementNames.put(p.id().value(), p.name()));

        model.put("lines", view.lines().stream().map(l -> line(l, hourLines.contains(l.id()), placementNames)).toList());
        var totals = view.totals();
        model.put("totals", Map.of("net", Kroner.of(totals.net()), "vat", Kroner.of(totals.vat()), "gross", Kroner.of(totals.gross()),
                "perRate", totals.breakdown().stream().map(b -> Map.of("label", vatLabel(b.category(), b.percent()),
                        "taxable", Kroner.of(b.taxable()), "vat", Kroner.of(b.vat()))).toList()));
        model.put("history", readSales.stageHistory(actor, id, null, 100).items().stream().map(c -> Map.of(
                "from", c.from() == null ? "–" : Labels.stage(c.from()), "to", Labels.stage(c.to()),
                "reason", c.reason() == null ? "" : c.reason(), "by", names.who(c.changedBy()), "when", Labels.when(c.changedAt())))
                .toList());
        model.put("hours", hours.stream().map(e -> {
            var h = new HashMap<String, Object>();
            h.put("id", e.id());
            h.put("date", Labels.day(e.workDate()));
            h.put("hours", Labels.decimal(e.hours()));
            h.put("description", e.description());
            h.put("by", names.user(e.staffUserId()));
            h.put("removable", changeable && (e.staffUserId() == actor.userId() || actor.has(Role.MANAGER)));
            return h;
        }).toList());
        model.put("bookings", bookings.ofSale(actor, id, null, 100).items().stream().map(b -> Map.of(
                "placement", placementNames.getOrDefault(b.placementId().value(), "Plassering " + b.placementId()),
                "first", Labels.day(b.period().firstDay()), "last", Labels.day(b.period().lastDay()),
                "status", Labels.status(b.status()),
                "calendar", "/ui/placements/" + b.placementId().value() + "/calendar?month=" + java.time.YearMonth.from(b.period().firstDay())
                        + "&sale=" + id.value())).toList());
        model.put("placements", all.stream().filter(Placement::active).map(p -> Map.<String, Object>of("id", p.id().value(), "name",
                p.name(), "channel", p.channel() == null ? "" : p.channel())).toList());
        model.put("units", Arrays.stream(SaleUnit.values()).map(u -> Map.of("value", u.name(), "label", Labels.unit(u))).toList());
        model.put("vatChoices", VAT_CHOICES.entrySet().stream().map(e -> Map.of("value", e.getKey(), "label", e.getValue())).toList());
        model.putIfAbsent("lineForm", Map.of());
        model.putIfAbsent("hoursForm", Map.of("date", Labels.day(LocalDate.now(Labels.OSLO))));
        return Pages.view(status, "ui/sales/sale", model);
    }

    private static Map<String, Object> line(SaleLine l, boolean fromHours, Map<Long, String> placementNames) {
        var m = new HashMap<String, Object>();
        m.put("id", l.id());
        m.put("description", l.description());
        m.put("placement", l.placementId() == null ? "" : placementNames.getOrDefault(l.placementId(), ""));
        m.put("quantity", Labels.decimal(l.quantity()));
        m.put("unit", Labels.unit(l.unit()));
        m.put("unitPrice", Kroner.of(l.unitPrice()));
        m.put("discount", l.discountPercent().signum() == 0 ? "" : Labels.decimal(l.discountPercent()) + " %");
        m.put("vat", vatLabel(l.vatCategory(), l.vatPercent()));
        m.put("net", Kroner.of(l.net()));
        m.put("fromHours", fromHours);
        return m;
    }

    private static String vatLabel(VatCategory category, BigDecimal percent) {
        return switch (category) {
            case S -> Labels.decimal(percent) + " %";
            case Z -> "0 % (nullsats)";
            case E -> "fritatt";
        };
    }

    /** The error of one form on the sale page, with what was typed, and the page again (400/409/422). */
    private HttpResponse<?> refused(Actor actor, Map<String, Object> model, SaleId id, String which, Map<String, String> form,
                                    DomainException e) {
        if (e instanceof NotFoundException && e.code().equals("sale.not-found") || e instanceof AccessDeniedException) {
            throw e;
        }
        model.put(which + "Error", Pages.explain(e));
        model.put(which + "Form", form);
        return salePage(actor, model, id, Pages.statusOf(e));
    }

    @Post("/{id}/lines")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> addLine(@PathVariable("id") String idText, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            var saleId = new SaleId(id);
            try {
                String vat = form.getOrDefault("vat", "").strip();
                if (!vat.isEmpty() && !VAT_CHOICES.containsKey(vat)) {
                    throw new InvalidValueException("ui.vat", "Velg en MVA-sats fra listen.");
                }
                VatCategory category = vat.isEmpty() ? null : VatCategory.valueOf(vat.substring(0, 1));
                BigDecimal percent = vat.length() > 1 ? new BigDecimal(vat.substring(1)) : null;
                Long placement = Forms.id(form.get("placement"), "Plassering");
                SaleUnit unit = unitOf(form.get("unit"));
                lines.add(actor, saleId, new SaleLine.Input(placement,
                        Forms.text(form.get("description"), "Beskrivelsen", SaleLine.MAX_DESCRIPTION, false),
                        Forms.number(form.get("quantity"), "Antall"), unit == null && placement == null ? SaleUnit.PIECE : unit,
                        Forms.ore(form.get("unitPrice"), "Enhetspris"), Forms.number(form.get("discount"), "Rabatt"),
                        category, percent, Forms.text(form.get("exemptionReason"), "Grunnen til fritak", SaleLine.MAX_REASON, false)));
            } catch (DomainException e) {
                return refused(actor, model, saleId, "line", form, e);
            }
            return Pages.redirect("/ui/sales/" + id + "#lines");
        });
    }

    private static SaleUnit unitOf(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return SaleUnit.valueOf(typed.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("ui.unit", "Velg en enhet fra listen.");
        }
    }

    @Post("/{id}/lines/{lineId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> removeLine(@PathVariable("id") String idText, @PathVariable("lineId") String lineIdText, @Body Map<String, String> form, @Nullable Authentication auth,
                                      HttpRequest<?> request) {
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            long lineId = Pages.id(lineIdText);
            var saleId = new SaleId(id);
            try {
                String version = form.getOrDefault("version", "").strip();
                if (!version.matches("[0-9]{1,18}")) {
                    throw new InvalidValueException("ui.version", "Skjemaet mangler salgets versjon. Last siden på nytt og prøv igjen.");
                }
                lines.remove(actor, saleId, lineId, Long.parseLong(version));
            } catch (DomainException e) {
                return refused(actor, model, saleId, "line", Map.of(), e);
            }
            return Pages.redirect("/ui/sales/" + id + "#lines");
        });
    }

    @Post("/{id}/hours")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> registerHours(@PathVariable("id") String idText, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            var saleId = new SaleId(id);
            try {
                Long rate = Forms.ore(form.get("rate"), "Timepris");
                if (rate == null) {
                    throw new InvalidValueException("ui.rate", "Skriv timeprisen i kroner.");
                }
                registerTime.register(actor, new RegisterTime.Command(saleId, Forms.date(form.get("date"), "Dato"),
                        Forms.number(form.get("hours"), "Timer"),
                        Forms.text(form.get("description"), "Beskrivelsen", TimeEntry.MAX_DESCRIPTION, false), rate, null));
            } catch (DomainException e) {
                return refused(actor, model, saleId, "hours", form, e);
            }
            return Pages.redirect("/ui/sales/" + id + "#hours");
        });
    }

    @Post("/{id}/hours/{entryId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> removeHours(@PathVariable("id") String idText, @PathVariable("entryId") String entryIdText, @Body Map<String, String> form, @Nullable Authentication auth,
                                       HttpRequest<?> request) {
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            long entryId = Pages.id(entryIdText);
            var saleId = new SaleId(id);
            readSales.view(actor, saleId); // a sale that is not there: the 404 page
            if (registerTime.list(actor, new TimeEntryFilter(saleId, null, null, null), null, 500).items().stream()
                    .noneMatch(e -> e.id() == entryId)) {
                throw new NotFoundException("time entry", entryId); // not this sale's hours
            }
            try {
                registerTime.remove(actor, entryId);
            } catch (NotFoundException e) {
                throw e;
            } catch (DomainException e) {
                return refused(actor, model, saleId, "hours", Map.of(), e);
            }
            return Pages.redirect("/ui/sales/" + id + "#hours");
        });
    }
}
