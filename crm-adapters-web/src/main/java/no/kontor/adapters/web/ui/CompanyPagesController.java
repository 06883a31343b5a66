package no.kontor.adapters.web.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.application.activity.LogActivity;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.advertising.ReadAdStatistics;
import no.kontor.application.audit.ReadAuditLog;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.payment.ReadPayments;
import no.kontor.application.sale.ReadSales;
import no.kontor.application.sale.SaleFilter;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.CompanySummary;
import no.kontor.application.company.ManageContacts;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.ValidationException;

/**
 * Companies in the staff pages: instant search by name (prefix, else fuzzy when the prefix finds
 * nothing) and the customer card on one page — details, money, contacts, activities, sales,
 * bookings, ad statistics and the record's history — where a call is logged with a follow-up in
 * two fields and a button. The same use cases and role checks as the API; a company that does not
 * exist is the 404 page.
 */
@Controller("/ui/companies")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CompanyPagesController {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Names in Norwegian order. */
    static final java.text.Collator NAMES = java.text.Collator.getInstance(Locale.forLanguageTag("nb-NO"));
    /** Whole numbers grouped as Norwegians do: 12 345. */
    static final java.text.NumberFormat NUMBER = java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb-NO"));

    private final SearchCompanies search;
    private final ViewCompany view;
    private final ManageContacts contacts;
    private final ReadActivities activities;
    private final LogActivity logActivity;
    private final ReadInvoices invoices;
    private final ReadPayments payments;
    private final ReadSales sales;
    private final BookPlacement bookings;
    private final ReadAdStatistics adStatistics;
    private final ReadAuditLog audit;

    public CompanyPagesController(SearchCompanies search, ViewCompany view, ManageContacts contacts, ReadActivities activities,
                                  LogActivity logActivity, ReadInvoices invoices, ReadPayments payments, ReadSales sales,
                                  BookPlacement bookings, ReadAdStatistics adStatistics, ReadAuditLog audit) {
        this.search = search;
        this.view = view;
        this.contacts = contacts;
        this.activities = activities;
        this.logActivity = logActivity;
        this.invoices = invoices;
        this.payments = payments;
        this.sales = sales;
        this.bookings = bookings;
        this.adStatistics = adStatistics;
        this.audit = audit;
    }

    @Get
    public HttpResponse<?> search(@Nullable @QueryValue String q, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "companies", (actor, model) -> {
            String query = q == null ? "" : q.strip();
            model.put("q", query);
            if (query.length() > CompanySearch.MAX_QUERY) {
                model.put("error", "Søket er for langt (høyst " + CompanySearch.MAX_QUERY + " tegn).");
                model.put("results", List.of());
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/companies", model);
            }
            var found = search.execute(actor, new CompanySearch(query.isEmpty() ? null : query, CompanySearch.Mode.PREFIX, null, null, 25,
                    null)).items();
            boolean fuzzy = false;
            if (found.isEmpty() && !query.isEmpty()) {
                found = search.execute(actor, new CompanySearch(query, CompanySearch.Mode.FUZZY, null, null, 25, null)).items();
                fuzzy = true;
            }
            if (!fuzzy) { // a prefix's page of names, in Norwegian order (Æ, Ø, Å after Z); fuzzy ones stay nearest first
                found = found.stream().sorted(java.util.Comparator.comparing(CompanySummary::name, NAMES)).toList();
            }
            model.put("fuzzy", fuzzy && !found.isEmpty());
            model.put("results", found.stream().map(c -> {
                var m = new HashMap<String, Object>();
                m.put("id", c.id());
                m.put("name", c.name());
                m.put("organisationNumber", c.organisationNumber() == null ? "" : c.organisationNumber());
                m.put("status", Labels.companyStatus(c.status()));
                m.put("place", c.postalPlace() == null ? "" : c.postalPlace());
                return m;
            }).toList());
            return Pages.view("ui/companies", model);
        });
    }

    @Get("/{id}")
    public HttpResponse<?> card(String id, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "companies", (actor, model) -> card(actor, Pages.id(id), model, HttpStatus.OK));
    }

    /** Log a call from the card, with a follow-up if a date is given: two fields and a button. */
    @Post("/{id}/calls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logCall(String id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "companies", (actor, model) -> {
            long company = Pages.id(id);
            String subject = form.getOrDefault("subject", "");
            try {
                Forms.text(subject, "Emnet", 200, false); // what the JSON boundary refuses, a form may not bring in either
                LocalDate due = Pages.date(form.get("followUp"));
                var followUp = due == null ? null : new FollowUp(due, FollowUpStage.TO_DO, null); // the logger's own
                var direction = "INBOUND".equals(form.get("direction")) ? Direction.INBOUND : Direction.OUTBOUND;
                logActivity.execute(actor, new LogActivity.Command(new CompanyId(company), ActivityKind.PHONE_CALL, direction, Instant.now(),
                        null, subject, null, followUp));
            } catch (ValidationException | InvalidValueException e) {
                model.put("formError", Pages.explain(e));
                model.put("subject", subject);
                model.put("followUp", form.getOrDefault("followUp", ""));
                return card(actor, company, model, HttpStatus.BAD_REQUEST);
            }
            return Pages.redirect("/ui/companies/" + company);
        });
    }

    /**
     * The customer card: details, money (what it owes, its invoices and their payments), contacts,
     * the activity timeline, sales with their bookings, ad statistics, and the record's audit
     * history. A handful of indexed reads, each bounded.
     */
    private HttpResponse<?> card(Actor actor, long id, Map<String, Object> model, HttpStatus status) {
        var company = new CompanyId(id);
        var card = view.execute(actor, company);
        model.put("card", card);
        model.put("status", Labels.companyStatus(card.status()));
        model.put("contacts", contacts.ofCompany(actor, company, null, 50).items());
        model.put("activities", activities.timeline(actor, company, 20, null).items().stream().map(a -> Map.of(
                "when", a.getOccurredAt().atZone(OSLO).format(WHEN), "kind", Labels.activity(a.getKind()), "direction", Labels.direction(a.getDirection()),
                "subject", a.getSubject(), "followUp", a.getFollowUp() == null ? "" : a.getFollowUp().dueDate().format(Pages.NORWEGIAN)))
                .toList());
        var balance = invoices.balance(actor, company);
        model.put("due", Kroner.of(balance.due()));
        model.put("overdue", Kroner.of(balance.overdue()));
        var issued = invoices.list(actor, new ReadInvoices.Query(null, company, null, null, false), null, 10).items().stream()
                .filter(i -> i.getNumber() != null).toList();
        model.put("invoices", issued.stream().map(i -> Map.of("id", i.getId().value(), "number", i.getNumber(), "issued",
                i.getIssueDate().format(Pages.NORWEGIAN), "status", Labels.invoiceStatus(i.getStatus()), "gross", Kroner.of(i.totals().gross()), "due",
                Kroner.of(i.due()))).toList());
        model.put("payments", issued.stream().flatMap(i -> payments.ofInvoice(actor, i.getId(), null, 10).items().stream()
                .map(p -> Map.of("invoice", i.getNumber(), "paidOn", p.paidOn().format(Pages.NORWEGIAN), "amount",
                        Kroner.of(p.amount()), "source", Labels.paymentSource(p.source())))).toList());
        var companySales = sales.ofCompany(actor, company, new SaleFilter(null, null, null, null, null, null), null, 10).items();
        model.put("sales", companySales.stream().map(v -> Map.of("id", v.sale().getId().value(), "opened",
                v.sale().getCreatedAt().atZone(OSLO).format(Pages.NORWEGIAN), "stage", Labels.stage(v.sale().getStage()), "description",
                v.sale().getDescription() == null ? "" : v.sale().getDescription(), "net", Kroner.of(v.totals().net()))).toList());
        model.put("bookings", companySales.stream().flatMap(v -> bookings.ofSale(actor, v.sale().getId(), null, 10).items().stream()
                .map(b -> Map.of("sale", v.sale().getId().value(), "placement", b.placementId().value(), "from",
                        b.period().firstDay().format(Pages.NORWEGIAN), "to", b.period().lastDay().format(Pages.NORWEGIAN), "status",
                        Labels.status(b.status())))).toList());
        model.put("adStatistics", adStatistics.ofCompany(actor, company).stream().map(t -> Map.of("placement", t.placement(), "from",
                t.period().firstDay().format(Pages.NORWEGIAN), "to", t.period().lastDay().format(Pages.NORWEGIAN), "impressions",
                NUMBER.format(t.impressions()), "clicks", NUMBER.format(t.clicks()), "ctr",
                String.valueOf(ReadAdStatistics.clickThroughRate(t.clicks(), t.impressions())).replace('.', ','))).toList());
        model.put("history", audit.history(actor, "company", Long.toString(id), null, 50).items().stream().map(r -> Map.of("when",
                r.at().atZone(OSLO).format(WHEN), "actor", r.actor(), "action", r.action(), "changes",
                String.join(", ", r.changes() == null ? List.of() : r.changes().keySet()))).toList());
        return Pages.view(status, "ui/company", model);
    }
}
