package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
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
import io.micronaut.http.annotation.PathVariable;
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
import no.kontor.application.advertising.BookingAdTotals;
import no.kontor.application.advertising.ReadAdStatistics;
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
 * one's PDF or download its EHF, read the company's orders and its ads' statistics, log out.
 * Its own header (the company, My page's sections), never the staff menu. The same use cases as the portal API; another company's invoice is the
 * not-found page.
 */
@Controller("/minside")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no customer session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CustomerPagesController {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Map<String, String> STAGES = Map.of("ORDERED", "Bestilt", "INVOICED", "Fakturert");
    private static final Map<String, String> BOOKINGS = Map.of("RESERVED", "Reservert", "CONFIRMED", "Bekreftet", "CANCELLED", "Avbestilt");
    private static final Map<String, String> UNITS = Map.of("PIECE", "stk.", "HOUR", "timer", "DAY", "dager", "WEEK", "uker");

    private final LogInCustomer logIn;
    private final LogOutCustomer logOut;
    private final MyPage myPage;
    private final PortalSettings settings;
    private final SecureCookies secureCookies;

    public CustomerPagesController(LogInCustomer logIn, LogOutCustomer logOut, MyPage myPage, PortalSettings settings,
                                   SecureCookies secureCookies) {
        this.logIn = logIn;
        this.logOut = logOut;
        this.myPage = myPage;
        this.settings = settings;
        this.secureCookies = secureCookies;
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
        if (Pages.crossSite(request)) { // login CSRF, as on the staff pages
            return Pages.page(HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("minside/login", Map.of("error",
                    "Innloggingen kom fra et annet nettsted. Åpne innloggingssiden og prøv igjen."))));
        }
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
        return Pages.redirect("/minside").cookie(MyPageSession.cookie(in.token(), secureCookies.of(request), keep));
    }

    /** A customer's page: without a My page session the login page; else {@code body} with the header's model. */
    private HttpResponse<?> page(Authentication auth, HttpRequest<?> request, String section,
                                 java.util.function.BiFunction<Customer, Map<String, Object>, HttpResponse<?>> body) {
        var customer = customer(auth);
        if (customer == null) {
            return Pages.redirect("/minside/login");
        }
        var model = new HashMap<String, Object>();
        model.put("section", section);
        model.put("csrf", UiSession.csrf(request, MyPageSession.COOKIE).orElse(""));
        try {
            return body.apply(customer, model);
        } catch (NotFoundException | IllegalArgumentException e) { // not the company's, or not there: one answer
            return notFound("Dette finnes ikke på Min side.");
        }
    }

    private static HttpResponse<?> notFound(String message) {
        return Pages.page(HttpResponse.notFound(new ModelAndView<>("minside/not-found", Map.of("message", message))));
    }

    @Get
    public HttpResponse<?> overview(@Nullable Authentication auth, HttpRequest<?> request) {
        return page(auth, request, "overview", (customer, model) -> {
            var overview = myPage.overview(customer);
            model.put("company", overview.companyName());
            model.put("due", Kroner.of(overview.balance().due()));
            model.put("overdue", Kroner.of(overview.balance().overdue()));
            model.put("owedBack", Kroner.of(overview.balance().owedBack()));
            var today = myPage.today();
            model.put("invoices", myPage.invoices(customer, null, 50).items().stream().map(i -> {
                var m = new HashMap<String, Object>();
                m.put("id", i.getId().value());
                m.put("number", i.getNumber());
                m.put("kind", i.getKind().name().equals("CREDIT_NOTE") ? "Kreditnota" : "Faktura");
                m.put("issued", i.getIssueDate().format(Pages.NORWEGIAN));
                m.put("dueDate", i.getDueDate() == null ? "–" : i.getDueDate().format(Pages.NORWEGIAN));
                m.put("gross", Kroner.of(i.totals().gross()));
                m.put("due", Kroner.of(i.due()));
                m.put("overdue", i.isOverdue(today));
                return m;
            }).toList());
            return Pages.page(HttpResponse.ok(new ModelAndView<>("minside/overview", model)));
        });
    }

    /** The company's orders (sales ordered or invoiced), newest first, with their lines and booked placements. */
    @Get("/ordrer")
    public HttpResponse<?> orders(@Nullable Authentication auth, HttpRequest<?> request) {
        return page(auth, request, "orders", (customer, model) -> {
            model.put("company", myPage.overview(customer).companyName());
            model.put("orders", myPage.orders(customer).stream().map(o -> {
                var m = new HashMap<String, Object>();
                var sale = o.sale();
                m.put("id", sale.getId().value());
                m.put("description", sale.getDescription() == null ? "" : sale.getDescription());
                m.put("stage", STAGES.getOrDefault(sale.getStage().name(), sale.getStage().name()));
                m.put("opened", sale.getCreatedAt().atZone(OSLO).toLocalDate().format(Pages.NORWEGIAN));
                m.put("net", Kroner.of(o.lines().stream().mapToLong(l -> l.net()).sum()));
                m.put("lines", o.lines().stream().map(l -> Map.of("description", l.description(),
                        "quantity", number(l.quantity()) + " " + UNITS.getOrDefault(l.unit().name(), l.unit().name()),
                        "unitPrice", Kroner.of(l.unitPrice()),
                        "discount", l.discountPercent() == null ? "–" : number(l.discountPercent()) + " %",
                        "net", Kroner.of(l.net()))).toList());
                m.put("bookings", o.bookings().stream().map(b -> Map.of("placement", b.placementName() == null ? "–" : b.placementName(),
                        "first", b.booking().period().firstDay().format(Pages.NORWEGIAN),
                        "last", b.booking().period().lastDay().format(Pages.NORWEGIAN),
                        "status", BOOKINGS.getOrDefault(b.booking().status().name(), b.booking().status().name()))).toList());
                return m;
            }).toList());
            return Pages.page(HttpResponse.ok(new ModelAndView<>("minside/orders", model)));
        });
    }

    /** Each of the company's bookings with its impressions, clicks and click-through rate. */
    @Get("/annonsestatistikk")
    public HttpResponse<?> adStatistics(@Nullable Authentication auth, HttpRequest<?> request) {
        return page(auth, request, "statistics", (customer, model) -> {
            model.put("company", myPage.overview(customer).companyName());
            model.put("bookings", myPage.adStatistics(customer).stream().map(CustomerPagesController::totals).toList());
            return Pages.page(HttpResponse.ok(new ModelAndView<>("minside/statistics", model)));
        });
    }

    /** One of the company's bookings day by day; another company's is the not-found page. */
    @Get("/annonsestatistikk/{id}")
    public HttpResponse<?> bookingStatistics(String id, @Nullable Authentication auth, HttpRequest<?> request) {
        return page(auth, request, "statistics", (customer, model) -> {
            var booking = myPage.adStatistics(customer, Pages.id(id));
            model.put("company", myPage.overview(customer).companyName());
            model.put("booking", totals(booking.totals()));
            model.put("days", booking.days().stream().map(d -> Map.of("day", d.day().format(Pages.NORWEGIAN),
                    "impressions", count(d.impressions()), "clicks", count(d.clicks()),
                    "rate", rate(ReadAdStatistics.clickThroughRate(d.clicks(), d.impressions())))).toList());
            return Pages.page(HttpResponse.ok(new ModelAndView<>("minside/booking-statistics", model)));
        });
    }

    private static Map<String, Object> totals(BookingAdTotals t) {
        return Map.of("id", t.bookingId(), "placement", t.placement() == null ? "–" : t.placement(),
                "period", t.period().firstDay().format(Pages.NORWEGIAN) + "–" + t.period().lastDay().format(Pages.NORWEGIAN),
                "impressions", count(t.impressions()), "clicks", count(t.clicks()),
                "rate", rate(ReadAdStatistics.clickThroughRate(t.clicks(), t.impressions())));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u00a0');
    }

    private static String rate(BigDecimal percent) {
        return percent == null ? "–" : percent.toPlainString().replace('.', ',') + "\u00a0%";
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** The EHF (UBL) document of one of the company's invoices, as the portal API serves it: XML, as an attachment. */
    @Get("/fakturaer/{id}/ehf")
    public HttpResponse<?> ehf(String id, @Nullable Authentication auth) {
        var customer = customer(auth);
        if (customer == null) {
            return Pages.redirect("/minside/login");
        }
        try {
            long invoice = Pages.id(id);
            return HttpResponse.ok(myPage.ehf(customer, new InvoiceId(invoice))).contentType(MediaType.APPLICATION_XML_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"faktura-" + invoice + ".xml\"").header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff");
        } catch (NotFoundException | IllegalArgumentException e) {
            return notFound("Denne fakturaen finnes ikke.");
        }
    }

    @Get("/fakturaer/{id}/pdf")
    public HttpResponse<?> pdf(@PathVariable("id") String idText, @Nullable Authentication auth) {
        var customer = customer(auth);
        if (customer == null) {
            return Pages.redirect("/minside/login");
        }
        try {
            long id = Pages.id(idText);
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
        return Pages.redirect("/minside/login").cookie(MyPageSession.cleared(secureCookies.of(request)));
    }
}
