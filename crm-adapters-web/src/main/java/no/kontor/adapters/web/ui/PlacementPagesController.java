package no.kontor.adapters.web.ui;

import java.time.LocalDate;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.application.inventory.ManagePlacements;
import no.kontor.application.shared.Paging;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.StaleVersionException;

/**
 * Placements (the ad inventory) and their price lists in the administration pages: the list with
 * today's price, a placement added, changed or taken off sale, and a price per day or week added
 * from a day (to a day, or open-ended). The same use case and role checks as the API
 * ({@code ManagePlacements}): a manager reads, an admin changes; prices never overlap (the refusal
 * names the price in the way).
 */
@Controller("/ui/admin/placements")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PlacementPagesController {
    static final int MAX_PLACEMENTS = 500;

    private final ManagePlacements placements;

    public PlacementPagesController(ManagePlacements placements) {
        this.placements = placements;
    }

    @Get
    public HttpResponse<?> list(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "admin", (actor, model) -> list(actor, model, HttpStatus.OK));
    }

    private HttpResponse<?> list(Actor actor, Map<String, Object> model, HttpStatus status) {
        AdminPages.manager(actor);
        var all = new ArrayList<Placement>();
        String cursor = null;
        do {
            var page = placements.list(actor, cursor, Paging.MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < MAX_PLACEMENTS);
        LocalDate today = BusinessDays.dayOf(java.time.Instant.now());
        model.put("placements", all.stream().map(p -> {
            var m = row(p);
            m.put("price", PlacementPrice.on(prices(actor, p.id()), today).map(pr -> Kroner.of(pr.unitPrice()) + " per "
                    + AdminPages.unit(p.unit()).toLowerCase(java.util.Locale.ROOT)).orElse("Ingen pris i dag"));
            return m;
        }).toList());
        model.putIfAbsent("added", Map.of());
        return Pages.view(status, "ui/admin/placements", model);
    }

    private List<PlacementPrice> prices(Actor actor, PlacementId id) {
        var all = new ArrayList<PlacementPrice>();
        String cursor = null;
        do {
            var page = placements.prices(actor, id, cursor, Paging.MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < 1000);
        return all;
    }

    private static Map<String, Object> row(Placement p) {
        var m = new HashMap<String, Object>();
        m.put("id", p.id().value());
        m.put("name", p.name());
        m.put("description", p.description() == null ? "" : p.description());
        m.put("channel", p.channel() == null ? "" : p.channel());
        m.put("unit", AdminPages.unit(p.unit()));
        m.put("unitCode", p.unit().name());
        m.put("active", p.active());
        m.put("version", p.version());
        return m;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> add(@Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            model.put("added", form);
            String name = form.getOrDefault("name", "").strip();
            String description = AdminPages.field(form, "description");
            String channel = AdminPages.field(form, "channel");
            Placement.Unit unit = AdminPages.choice(Placement.Unit.class, form.get("unit"));
            String refused = AdminPages.firstOf(AdminPages.refusal("Navnet", name, 200, false),
                    AdminPages.refusal("Beskrivelsen", description, 2000, true), AdminPages.refusal("Kanalen", channel, 100, false),
                    unit == null ? "Velg om plasseringen selges per dag eller per uke." : null);
            if (refused != null) {
                model.put("addError", refused);
                return list(actor, model, HttpStatus.BAD_REQUEST);
            }
            try {
                var p = placements.add(actor, name, description, channel, unit);
                return Pages.redirect("/ui/admin/placements/" + p.id().value() + "?lagt-til");
            } catch (DomainException e) {
                model.put("addError", AdminPages.explain(e));
                return list(actor, model, Pages.statusOf(e));
            }
        });
    }

    @Get("/{id}")
    public HttpResponse<?> placement(String id, @Nullable @QueryValue("lagt-til") String added, @Nullable @QueryValue("lagret") String saved,
                                     @Nullable @QueryValue("pris") String priced, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "admin", (actor, model) -> {
            if (added != null) {
                model.put("notice", "Plasseringen er lagt til. Gi den en pris nedenfor.");
            } else if (saved != null) {
                model.put("notice", "Endringene er lagret.");
            } else if (priced != null) {
                model.put("notice", "Prisen er lagt til.");
            }
            return placement(actor, Pages.id(id), model, HttpStatus.OK);
        });
    }

    private HttpResponse<?> placement(Actor actor, long id, Map<String, Object> model, HttpStatus status) {
        AdminPages.manager(actor);
        var placementId = new PlacementId(id);
        var p = placements.view(actor, placementId);
        var row = row(p);
        model.put("placement", row);
        model.putIfAbsent("form", row);
        model.putIfAbsent("price", Map.of());
        LocalDate today = BusinessDays.dayOf(java.time.Instant.now());
        model.put("prices", prices(actor, placementId).stream().map(pr -> Map.of("from", pr.validFrom().format(Pages.NORWEGIAN),
                "to", pr.validTo() == null ? "–" : pr.validTo().format(Pages.NORWEGIAN), "price", Kroner.of(pr.unitPrice()),
                "current", pr.appliesOn(today))).toList());
        return Pages.view(status, "ui/admin/placement", model);
    }

    /** An admin changes a placement, or takes it off sale (its bookings stay). */
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(String id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            long placementId = Pages.id(id);
            String name = form.getOrDefault("name", "").strip();
            String description = AdminPages.field(form, "description");
            String channel = AdminPages.field(form, "channel");
            Placement.Unit unit = AdminPages.choice(Placement.Unit.class, form.get("unit"));
            boolean active = "on".equals(form.get("active")) || "true".equals(form.get("active"));
            var typed = new HashMap<String, Object>(form);
            typed.put("unitCode", form.getOrDefault("unit", ""));
            typed.put("active", active);
            model.put("form", typed);
            Long version = AdminPages.number(form.get("version"));
            String refused = AdminPages.firstOf(AdminPages.refusal("Navnet", name, 200, false),
                    AdminPages.refusal("Beskrivelsen", description, 2000, true), AdminPages.refusal("Kanalen", channel, 100, false),
                    unit == null ? "Velg om plasseringen selges per dag eller per uke." : null,
                    version == null ? "Skjemaet mangler versjonen. Last siden på nytt." : null);
            if (refused != null) {
                model.put("changeError", refused);
                return placement(actor, placementId, model, HttpStatus.BAD_REQUEST);
            }
            try {
                placements.change(actor, new PlacementId(placementId), version, new ManagePlacements.Change(name, description, channel, unit,
                        active));
            } catch (DomainException e) {
                model.put("changeError", AdminPages.explain(e));
                if (e instanceof StaleVersionException) {
                    model.remove("form"); // what is stored now, to change again
                }
                return placement(actor, placementId, model, Pages.statusOf(e));
            }
            return Pages.redirect("/ui/admin/placements/" + placementId + "?lagret");
        });
    }

    /** An admin adds a price per unit in kroner, valid from a day, to a day or open-ended. */
    @Post("/{id}/prices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> addPrice(String id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            long placementId = Pages.id(id);
            model.put("price", form);
            String typedPrice = form.getOrDefault("unitPrice", "");
            Long ore = AdminPages.ore(typedPrice);
            if (ore == null) {
                model.put("priceError", "Prisen må være et beløp i kroner, for eksempel 4 500 eller 4500,50.");
                return placement(actor, placementId, model, HttpStatus.BAD_REQUEST);
            }
            try {
                LocalDate from = Pages.date(form.get("validFrom"));
                LocalDate to = Pages.date(form.get("validTo"));
                placements.addPrice(actor, new PlacementId(placementId), from, to, ore);
            } catch (DomainException e) {
                String why = AdminPages.explain(e);
                if (e instanceof ConflictException c && c.details().get("validFrom") instanceof String clash) {
                    why += " Den som er i veien, gjelder fra " + LocalDate.parse(clash).format(Pages.NORWEGIAN) + ".";
                }
                model.put("priceError", why);
                return placement(actor, placementId, model, Pages.statusOf(e));
            }
            return Pages.redirect("/ui/admin/placements/" + placementId + "?pris");
        });
    }

}
