package no.kontor.adapters.web.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.application.company.ViewCompany;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.inventory.ManagePlacements;
import no.kontor.application.sale.ReadSales;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.inventory.Availability;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.NotFoundException;

/**
 * Placements and their availability calendars in the staff pages: a month's days, free or taken
 * (a taken period names the sale and its company when the user may read the sale), links to the
 * months before and after, and a booking form (first and last day as dd.mm.yyyy) that books the
 * placement for a sale through {@link BookPlacement} — the same use case as {@code POST
 * /api/v1/bookings}. A period that is not free is refused with the booking in the way shown.
 */
@Controller("/ui/placements")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PlacementCalendarController {
    private static final Locale NB = Locale.forLanguageTag("nb-NO");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", NB);
    private static final List<String> WEEKDAYS = List.of("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag");

    private final ManagePlacements placements;
    private final BookPlacement bookings;
    private final ReadSales sales;
    private final ViewCompany companies;
    private final ManageStaff staff;

    public PlacementCalendarController(ManagePlacements placements, BookPlacement bookings, ReadSales sales, ViewCompany companies,
                                    ManageStaff staff) {
        this.placements = placements;
        this.bookings = bookings;
        this.sales = sales;
        this.companies = companies;
        this.staff = staff;
    }

    /** Every placement, by name, with a link to its calendar (for a sale when one is given). */
    @Get
    public HttpResponse<?> list(@Nullable @QueryValue String sale, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SalePagesController.SECTION, (actor, model) -> {
            Long saleId = null;
            try {
                saleId = Forms.id(sale, "Salg");
            } catch (InvalidValueException e) {
                model.put("error", Pages.explain(e));
            }
            var rows = new ArrayList<Map<String, Object>>();
            String cursor = null;
            do {
                var page = placements.list(actor, cursor, 100);
                for (var p : page.items()) {
                    var m = new HashMap<String, Object>();
                    m.put("name", p.name());
                    m.put("channel", p.channel() == null ? "" : p.channel());
                    m.put("unit", p.unit() == no.kontor.domain.inventory.Placement.Unit.DAY ? "dag" : "uke");
                    m.put("active", p.active());
                    m.put("calendar", "/ui/placements/" + p.id().value() + "/calendar" + (saleId == null ? "" : "?sale=" + saleId));
                    rows.add(m);
                }
                cursor = page.nextCursor();
            } while (cursor != null && rows.size() < 2000);
            model.put("placements", rows);
            return Pages.view(model.containsKey("error") ? HttpStatus.BAD_REQUEST : HttpStatus.OK, "ui/sales/placements", model);
        });
    }

    @Get("/{id}/calendar")
    public HttpResponse<?> calendar(@PathVariable("id") String idText, @Nullable @QueryValue String month, @Nullable @QueryValue String sale,
                                    @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String booked,
                                    @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SalePagesController.SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            var form = new HashMap<String, String>();
            form.put("from", from == null ? "" : from.strip());
            form.put("to", to == null ? "" : to.strip());
            form.put("sale", sale == null ? "" : sale.strip());
            model.put("form", form);
            HttpStatus status = HttpStatus.OK;
            YearMonth shown = YearMonth.now(Labels.OSLO);
            Long saleId = null;
            try {
                shown = monthOf(month);
                saleId = Forms.id(sale, "Salg");
            } catch (InvalidValueException e) {
                model.put("error", Pages.explain(e));
                status = HttpStatus.BAD_REQUEST;
            }
            if (booked != null && booked.matches("[0-9]{1,18}")) {
                model.put("bookedId", Long.parseLong(booked));
            }
            return calendarPage(actor, model, new PlacementId(id), shown, saleId, null, status);
        });
    }

    private static YearMonth monthOf(String typed) {
        if (typed == null || typed.isBlank()) {
            return YearMonth.now(Labels.OSLO);
        }
        try {
            var month = YearMonth.parse(typed.strip());
            if (month.getYear() < 2000 || month.getYear() > 2200) {
                throw new InvalidValueException("ui.month", "Måneden må være mellom år 2000 og 2200.");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("ui.month", "«" + typed.strip() + "» er ikke en måned (åååå-mm).");
        }
    }

    /**
     * The calendar of {@code month}: a week per row, each day free or taken; the periods in
     * order; the booking form. {@code conflict}, when a booking was refused, is the period in the
     * way (its days are marked).
     */
    private HttpResponse<?> calendarPage(Actor actor, Map<String, Object> model, PlacementId id, YearMonth month, Long saleId,
                                         Period conflict, HttpStatus status) {
        var placement = placements.view(actor, id); // not there: the 404 page
        var window = new Period(month.atDay(1), month.atEndOfMonth());
        var held = bookings.ofPlacement(actor, id, window);
        var availability = Availability.of(id, window, held);
        var names = new SaleNames(actor, companies, staff);
        var holders = new HashMap<Long, Map<String, Object>>();
        for (Booking b : held) {
            holders.put(b.id().value(), holder(actor, b, names, saleId));
        }

        var p = new LinkedHashMap<String, Object>();
        p.put("id", id.value());
        p.put("name", placement.name());
        p.put("channel", placement.channel() == null ? "" : placement.channel());
        p.put("active", placement.active());
        p.put("unit", placement.unit() == no.kontor.domain.inventory.Placement.Unit.DAY ? "per dag" : "per uke");
        model.put("placement", p);
        String label = month.format(MONTH);
        model.put("month", Character.toUpperCase(label.charAt(0)) + label.substring(1));
        model.put("monthValue", month.toString());
        String forSale = saleId == null ? "" : "&sale=" + saleId;
        model.put("previous", "/ui/placements/" + id.value() + "/calendar?month=" + month.minusMonths(1) + forSale);
        model.put("next", "/ui/placements/" + id.value() + "/calendar?month=" + month.plusMonths(1) + forSale);
        model.put("previousLabel", capital(month.minusMonths(1).format(MONTH)));
        model.put("nextLabel", capital(month.plusMonths(1).format(MONTH)));
        model.put("weekdays", WEEKDAYS);

        if (saleId != null) {
            try {
                var view = sales.view(actor, new SaleId(saleId));
                model.put("sale", Map.of("id", saleId, "company", names.company(view.sale().getCompanyId())));
            } catch (NotFoundException e) {
                model.putIfAbsent("error", "Salg " + saleId + " finnes ikke.");
            }
        }

        // the weeks, Monday first; days outside the month are blank cells
        var weeks = new ArrayList<List<Map<String, Object>>>();
        var week = new ArrayList<Map<String, Object>>();
        for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
            week.add(Map.of("blank", true, "css", "blank"));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            var slot = availability.slots().stream().filter(s -> s.period().contains(date)).findFirst().orElseThrow();
            var cell = new HashMap<String, Object>();
            cell.put("blank", false);
            cell.put("day", d);
            cell.put("date", date.toString());
            cell.put("free", slot.free());
            cell.put("conflict", conflict != null && conflict.contains(date));
            var who = slot.bookingId() == null ? null : holders.get(slot.bookingId().value());
            cell.put("mine", who != null && Boolean.TRUE.equals(who.get("mine")));
            // the holder is written on the first day of its period in this month, and on Mondays
            cell.put("holder", who != null && (date.equals(slot.period().firstDay()) || date.getDayOfWeek() == DayOfWeek.MONDAY)
                    ? who.get("label") : "");
            cell.put("css", (slot.free() ? "free" : "taken") + (Boolean.TRUE.equals(cell.get("mine")) ? " mine" : "")
                    + (Boolean.TRUE.equals(cell.get("conflict")) ? " conflict" : ""));
            week.add(cell);
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(Map.of("blank", true, "css", "blank"));
            }
            weeks.add(week);
        }
        model.put("weeks", weeks);

        model.put("periods", availability.slots().stream().map(s -> {
            var m = new HashMap<String, Object>();
            m.put("first", Labels.day(s.period().firstDay()));
            m.put("last", Labels.day(s.period().lastDay()));
            m.put("days", s.period().days());
            m.put("free", s.free());
            var who = s.bookingId() == null ? null : holders.get(s.bookingId().value());
            m.put("holder", who == null ? "" : who.get("label"));
            m.put("holderLink", who == null ? null : who.get("link"));
            m.put("pick", s.free() ? "/ui/placements/" + id.value() + "/calendar?month=" + month + forSale + "&from="
                    + Labels.day(s.period().firstDay()) + "&to=" + Labels.day(s.period().lastDay()) + "#booking" : null);
            return m;
        }).toList());

        Object bookedId = model.get("bookedId");
        if (bookedId != null) {
            held.stream().filter(b -> b.id().value() == (Long) bookedId).findFirst().ifPresent(b -> model.put("notice",
                    "Booket: " + placement.name() + " " + Labels.day(b.period().firstDay()) + "–" + Labels.day(b.period().lastDay())
                            + " på salg " + b.saleId().value() + "."));
        }
        return Pages.view(status, "ui/sales/calendar", model);
    }

    /** Who holds a booking, as the calendar says it: the sale and its company, or only "taken" when the user may not read the sale. */
    private Map<String, Object> holder(Actor actor, Booking b, SaleNames names, Long forSale) {
        var m = new HashMap<String, Object>();
        m.put("mine", forSale != null && forSale == b.saleId().value());
        try {
            var view = sales.view(actor, b.saleId());
            m.put("label", "Salg " + b.saleId().value() + " – " + names.company(view.sale().getCompanyId()));
            m.put("link", "/ui/sales/" + b.saleId().value());
        } catch (AccessDeniedException | NotFoundException e) {
            m.put("label", "Opptatt");
        }
        return m;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Book the placement for a sale from the calendar's form: first and last day, dd.mm.yyyy. */
    @Post("/{id}/bookings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> book(@PathVariable("id") String idText, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, SalePagesController.SECTION, (actor, model) -> {
            long id = Pages.id(idText);
            var placementId = new PlacementId(id);
            placements.view(actor, placementId); // a placement that is not there: the 404 page
            var typed = new HashMap<String, String>();
            for (String field : List.of("from", "to", "sale")) {
                typed.put(field, form.getOrDefault(field, "").strip());
            }
            model.put("form", typed);
            YearMonth month = YearMonth.now(Labels.OSLO);
            Long saleId = null;
            Period conflict = null;
            try {
                month = monthOf(form.get("month"));
                saleId = Forms.id(form.get("sale"), "Salg");
                if (saleId == null) {
                    throw new InvalidValueException("ui.sale", "Skriv nummeret på salget som skal ha bookingen.");
                }
                LocalDate first = Forms.date(form.get("from"), "Fra");
                LocalDate last = Forms.date(form.get("to"), "Til");
                if (first == null || last == null) {
                    throw new InvalidValueException("ui.period", "Skriv første og siste dag (dd.mm.åååå).");
                }
                var booking = bookings.book(actor, new SaleId(saleId), placementId, new Period(first, last));
                return Pages.redirect("/ui/placements/" + id + "/calendar?month=" + YearMonth.from(first) + "&sale=" + saleId
                        + "&booked=" + booking.id().value());
            } catch (AccessDeniedException e) {
                throw e;
            } catch (DomainException e) {
                String why = e instanceof NotFoundException && e.code().equals("sale.not-found") ? "Salg " + saleId + " finnes ikke."
                        : Pages.explain(e);
                if (e instanceof ConflictException c && "booking.conflict".equals(c.code())) {
                    conflict = conflictPeriod(c);
                    if (conflict != null) {
                        why += " " + inTheWay(actor, placementId, conflict, c);
                        month = YearMonth.from(conflict.firstDay()).isAfter(month) || YearMonth.from(conflict.lastDay()).isBefore(month)
                                ? YearMonth.from(conflict.firstDay()) : month;
                    }
                }
                model.put("bookingError", why);
                return calendarPage(actor, model, placementId, month, e instanceof NotFoundException ? null : saleId, conflict,
                        Pages.statusOf(e));
            }
        });
    }

    private static Period conflictPeriod(ConflictException c) {
        try {
            return new Period(LocalDate.parse(String.valueOf(c.details().get("firstDay"))),
                    LocalDate.parse(String.valueOf(c.details().get("lastDay"))));
        } catch (DateTimeParseException | DomainException e) {
            return null; // the database's refusal names no period
        }
    }

    /** The booking in the way, in words: its days and, when the user may read it, its sale. */
    private String inTheWay(Actor actor, PlacementId placementId, Period period, ConflictException c) {
        String days = Labels.day(period.firstDay()) + "–" + Labels.day(period.lastDay());
        var names = new SaleNames(actor, companies, staff);
        return bookings.ofPlacement(actor, placementId, period).stream()
                .filter(b -> String.valueOf(b.id().value()).equals(String.valueOf(c.details().get("bookingId"))))
                .findFirst().map(b -> {
                    var who = holder(actor, b, names, null);
                    return "Opptatt " + days + (who.get("link") == null ? "." : " av " + who.get("label") + ".");
                }).orElse("Opptatt " + days + ".");
    }
}
