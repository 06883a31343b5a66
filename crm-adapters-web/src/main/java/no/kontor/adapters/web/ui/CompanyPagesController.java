package no.kontor.adapters.web.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.ManageContacts;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.NotFoundException;

/**
 * Companies in the staff pages: search by name (prefix, else fuzzy when the prefix finds
 * nothing) and the customer card with its contacts and latest activities. The same use cases
 * and role checks as the API; a company that does not exist is the 404 page.
 */
@Controller("/ui/companies")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CompanyPagesController {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final SearchCompanies search;
    private final ViewCompany view;
    private final ManageContacts contacts;
    private final ReadActivities activities;

    public CompanyPagesController(SearchCompanies search, ViewCompany view, ManageContacts contacts, ReadActivities activities) {
        this.search = search;
        this.view = view;
        this.contacts = contacts;
        this.activities = activities;
    }

    @Get
    public HttpResponse<?> search(@Nullable @QueryValue String q, @Nullable Authentication auth, HttpRequest<?> request) {
        var actor = StaffPagesController.staff(auth);
        if (actor == null) {
            return StaffPagesController.redirect("/ui/login");
        }
        var model = StaffPagesController.model(auth, request, "companies");
        String query = q == null ? "" : q.strip();
        model.put("q", query);
        if (query.length() > CompanySearch.MAX_QUERY) {
            model.put("error", "Søket er for langt (høyst " + CompanySearch.MAX_QUERY + " tegn).");
            model.put("results", List.of());
            return StaffPagesController.page(HttpResponse.badRequest(new ModelAndView<>("ui/companies", model)));
        }
        var found = search.execute(actor, new CompanySearch(query.isEmpty() ? null : query, CompanySearch.Mode.PREFIX, null, null, 25, null))
                .items();
        boolean fuzzy = false;
        if (found.isEmpty() && !query.isEmpty()) {
            found = search.execute(actor, new CompanySearch(query, CompanySearch.Mode.FUZZY, null, null, 25, null)).items();
            fuzzy = true;
        }
        model.put("fuzzy", fuzzy && !found.isEmpty());
        model.put("results", found.stream().map(c -> {
            var m = new HashMap<String, Object>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("organisationNumber", c.organisationNumber() == null ? "" : c.organisationNumber());
            m.put("status", c.status().name());
            m.put("place", c.postalPlace() == null ? "" : c.postalPlace());
            return m;
        }).toList());
        return StaffPagesController.page(HttpResponse.ok(new ModelAndView<>("ui/companies", model)));
    }

    @Get("/{id}")
    public HttpResponse<?> card(long id, @Nullable Authentication auth, HttpRequest<?> request) {
        var actor = StaffPagesController.staff(auth);
        if (actor == null) {
            return StaffPagesController.redirect("/ui/login");
        }
        var model = StaffPagesController.model(auth, request, "companies");
        try {
            var company = new CompanyId(id);
            model.put("card", view.execute(actor, company));
            model.put("contacts", contacts.ofCompany(actor, company, null, 50).items());
            var oslo = ZoneId.of("Europe/Oslo");
            model.put("activities", activities.timeline(actor, company, 20, null).items().stream().map(a -> Map.of(
                    "when", a.getOccurredAt().atZone(oslo).format(WHEN), "kind", a.getKind().name(), "direction", a.getDirection().name(),
                    "subject", a.getSubject())).toList());
        } catch (NotFoundException | IllegalArgumentException e) { // no such company, or an impossible id
            model.put("missing", id);
            return StaffPagesController.page(HttpResponse.notFound(new ModelAndView<>("ui/not-found", model)));
        }
        return StaffPagesController.page(HttpResponse.ok(new ModelAndView<>("ui/company", model)));
    }
}
