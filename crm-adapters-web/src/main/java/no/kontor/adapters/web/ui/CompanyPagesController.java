package no.kontor.adapters.web.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.DateTimeFormatter;
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
import io.micronaut.http.annotation.Post;
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
import no.kontor.adapters.web.shared.Text;
import no.kontor.application.activity.LogActivity;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.ManageContacts;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.shared.ValidationException;
import no.kontor.domain.shared.NotFoundException;

/**
 * Companies in the staff pages: search by name (prefix, else fuzzy when the prefix finds
 * nothing) and the customer card — details, what it owes, its latest invoices, contacts and
 * activities — where a call is logged with a follow-up in two fields and a button. The same use cases
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
    private final LogActivity logActivity;
    private final ReadInvoices invoices;

    public CompanyPagesController(SearchCompanies search, ViewCompany view, ManageContacts contacts, ReadActivities activities,
                                  LogActivity logActivity, ReadInvoices invoices) {
        this.search = search;
        this.view = view;
        this.contacts = contacts;
        this.activities = activities;
        this.logActivity = logActivity;
        this.invoices = invoices;
    }

    @Get
    public HttpResponse<?> search(@Nullable @QueryValue String q, @Nullable Authentication auth, HttpRequest<?> request) {
        var actor = Pages.staff(auth);
        if (actor == null) {
            return Pages.redirect("/ui/login");
        }
        var model = Pages.model(auth, request, "companies");
        String query = q == null ? "" : q.strip();
        model.put("q", query);
        if (query.length() > CompanySearch.MAX_QUERY) {
            model.put("error", "Søket er for langt (høyst " + CompanySearch.MAX_QUERY + " tegn).");
            model.put("results", List.of());
            return Pages.page(HttpResponse.badRequest(new ModelAndView<>("ui/companies", model)));
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
        return Pages.page(HttpResponse.ok(new ModelAndView<>("ui/companies", model)));
    }

    @Get("/{id}")
    public HttpResponse<?> card(long id, @Nullable Authentication auth, HttpRequest<?> request) {
        var actor = Pages.staff(auth);
        if (actor == null) {
            return Pages.redirect("/ui/login");
        }
        return card(actor, id, Pages.model(auth, request, "companies"), HttpStatus.OK);
    }

    /** Log a call from the card, with a follow-up if a date is given: two fields and a button. */
    @Post("/{id}/calls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logCall(long id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        var actor = Pages.staff(auth);
        if (actor == null) {
            return Pages.redirect("/ui/login");
        }
        var model = Pages.model(auth, request, "companies");
        if (!UiSession.csrfMatches(request, form.get("csrf"))) {
            model.put("formError", "Skjemaet var utløpt. Prøv igjen.");
            return card(actor, id, model, HttpStatus.FORBIDDEN);
        }
        String refused = Text.refusal(form.getOrDefault("subject", ""), false);
        if (refused != null) { // what the JSON boundary refuses, a form may not bring in either
            model.put("formError", refused);
            return card(actor, id, model, HttpStatus.BAD_REQUEST);
        }
        try {
            String due = form.getOrDefault("followUp", "").strip();
            var followUp = due.isEmpty() ? null : new FollowUp(LocalDate.parse(due), FollowUpStage.TO_DO, null); // the logger's own
            var direction = "INBOUND".equals(form.get("direction")) ? Direction.INBOUND : Direction.OUTBOUND;
            logActivity.execute(actor, new LogActivity.Command(new CompanyId(id), ActivityKind.PHONE_CALL, direction, Instant.now(), null,
                    form.getOrDefault("subject", ""), null, followUp));
        } catch (ValidationException | DateTimeParseException e) {
            model.put("formError", e instanceof ValidationException v ? v.getMessage() : "Fristen er ikke en dato.");
            model.put("subject", form.getOrDefault("subject", ""));
            return card(actor, id, model, HttpStatus.BAD_REQUEST);
        }
        return Pages.redirect("/ui/companies/" + id);
    }

    private HttpResponse<?> card(Actor actor, long id, Map<String, Object> model, HttpStatus status) {
        try {
            var company = new CompanyId(id);
            model.put("card", view.execute(actor, company));
            model.put("contacts", contacts.ofCompany(actor, company, null, 50).items());
            var oslo = ZoneId.of("Europe/Oslo");
            model.put("activities", activities.timeline(actor, company, 20, null).items().stream().map(a -> Map.of(
                    "when", a.getOccurredAt().atZone(oslo).format(WHEN), "kind", a.getKind().name(), "direction", a.getDirection().name(),
                    "subject", a.getSubject(), "followUp", a.getFollowUp() == null ? "" : a.getFollowUp().dueDate()
                            .format(Pages.NORWEGIAN))).toList());
            var balance = invoices.balance(actor, company);
            model.put("due", Kroner.of(balance.due()));
            model.put("overdue", Kroner.of(balance.overdue()));
            model.put("invoices", invoices.list(actor, new ReadInvoices.Query(null, company, null, null, false), null, 10).items().stream()
                    .filter(i -> i.getNumber() != null).map(i -> Map.of("number", i.getNumber(), "issued",
                            i.getIssueDate().format(Pages.NORWEGIAN), "status", i.getStatus().name(), "gross",
                            Kroner.of(i.totals().gross()), "due", Kroner.of(i.due()))).toList());
        } catch (NotFoundException | IllegalArgumentException e) { // no such company, or an impossible id
            model.put("missing", id);
            return Pages.page(HttpResponse.notFound(new ModelAndView<>("ui/not-found", model)));
        }
        return Pages.page(HttpResponse.status(status).body(new ModelAndView<>("ui/company", model)));
    }
}
