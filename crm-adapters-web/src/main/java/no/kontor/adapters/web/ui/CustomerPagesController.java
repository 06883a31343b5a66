package no.kontor.adapters.web.ui;

import java.time.Duration;
import java.util.HashMap;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.portal.Customers;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.application.invoice.Giro;
import no.kontor.application.portal.Customer;
import no.kontor.application.portal.LogInCustomer;
import no.kontor.application.portal.LogOutCustomer;
import no.kontor.application.portal.MyPage;
import no.kontor.application.portal.PortalSettings;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.NotFoundException;

/**
 * My page in the browser ({@code /minside}, the customer realm; docs/decisions/web-ui.md):
 * log in with an invoice number and its PIN, see what the company owes and its invoices, open
 * one's PDF, log out. The same use cases as the portal API; another company's invoice is the
 * not-found page.
 */
@Controller("/minside")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no customer session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CustomerPagesController {
    private final LogInCustomer logIn;
    private final LogOutCustomer logOut;
    private final MyPage myPage;
    private final PortalSettings settings;

    public CustomerPagesController(LogInCustomer logIn, LogOutCustomer logOut, MyPage myPage, PortalSettings settings) {
        this.logIn = logIn;
        this.logOut = logOut;
        this.myPage = myPage;
        this.settings = settings;
    }

    private static Customer customer(Authentication auth) {
        return Customers.isCustomer(auth) ? Customers.of(auth) : null;
    }

    @Get("/login")
    public HttpResponse<?> loginPage(@Nullable Authentication auth) {
        if (customer(auth) != null) {
            return Pages.redirect("/minside");
        }
        return Pages.page(HttpResponse.ok(new ModelAndView<>("minside/login", Map.of())));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> login(@Body Map<String, String> form, HttpRequest<?> request) {
        String number = form.getOrDefault("invoiceNumber", "");
        String pin = form.getOrDefault("pin", "");
        var result = logIn.execute(new LogInCustomer.Command(number.length() > 40 ? "" : number, pin.length() > 40 ? "" : pin,
                ClientAddresses.of(request)));
        if (result instanceof LogInCustomer.Result.Throttled throttled) {
            return Pages.page(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After",
                    Long.toString(Math.max(1, throttled.retryAfter().toSeconds()))).body(new ModelAndView<>("minside/login", Map.of("error",
                    "For mange mislykkede forsøk fra denne adressen. Prøv igjen senere."))));
        }
        if (!(result instanceof LogInCustomer.Result.LoggedIn in)) {
            return Pages.page(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("minside/login",
                    Map.of("error", "Feil fakturanummer eller PIN."))));
        }
        Duration keep = settings.idle().multipliedBy(16); // the server ends an idle session long before the cookie goes
        return Pages.redirect("/minside").cookie(MyPageSession.cookie(in.token(), request.isSecure(), keep));
    }

    @Get
    public HttpResponse<?> overview(@Nullable Authentication auth, HttpRequest<?> request) {
        var customer = customer(auth);
        if (customer == null) {
            return Pages.redirect("/minside/login");
        }
        var overview = myPage.overview(customer);
        var model = new HashMap<String, Object>();
        model.put("company", overview.companyName());
        model.put("due", Kroner.of(overview.balance().due()));
        model.put("overdue", Kroner.of(overview.balance().overdue()));
        model.put("csrf", UiSession.csrf(request, MyPageSession.COOKIE).orElse(""));
        model.put("invoices", myPage.invoices(customer, null, 50).items().stream().map(i -> Map.of("id", i.getId().value(),
                "number", i.getNumber(), "kind", i.getKind().name().equals("CREDIT_NOTE") ? "Kreditnota" : "Faktura",
                "issued", i.getIssueDate().format(Pages.NORWEGIAN), "gross", Kroner.of(i.totals().gross()),
                "due", Kroner.of(i.due()))).toList());
        return Pages.page(HttpResponse.ok(new ModelAndView<>("minside/overview", model)));
    }

    @Get("/fakturaer/{id}/pdf")
    public HttpResponse<?> pdf(long id, @Nullable Authentication auth) {
        var customer = customer(auth);
        if (customer == null) {
            return Pages.redirect("/minside/login");
        }
        try {
            return myPage.pdf(customer, new InvoiceId(id), Giro.FULL)
                    .<HttpResponse<?>>map(pdf -> HttpResponse.ok(pdf).contentType(new MediaType("application/pdf"))
                            .header("Content-Disposition", "inline; filename=\"faktura-" + id + ".pdf\"").header("Cache-Control", "no-store"))
                    .orElseGet(() -> Pages.page(HttpResponse.status(HttpStatus.ACCEPTED).header("Retry-After", "5")
                            .body(new ModelAndView<>("minside/not-found", Map.of("message", "PDF-en lages fortsatt. Prøv igjen om litt.")))));
        } catch (NotFoundException | IllegalArgumentException e) {
            return Pages.page(HttpResponse.notFound(new ModelAndView<>("minside/not-found", Map.of("message",
                    "Denne fakturaen finnes ikke."))));
        }
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(@Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        var customer = customer(auth);
        if (customer == null) {
            return Pages.redirect("/minside/login");
        }
        if (!UiSession.csrfMatches(request, MyPageSession.COOKIE, form.get("csrf"))) {
            return Pages.page(HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("minside/not-found",
                    Map.of("message", "Skjemaet var utløpt. Prøv igjen."))));
        }
        logOut.execute(customer);
        return Pages.redirect("/minside/login").cookie(MyPageSession.cleared(request.isSecure()));
    }
}
