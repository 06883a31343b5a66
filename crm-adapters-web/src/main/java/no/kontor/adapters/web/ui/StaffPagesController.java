package no.kontor.adapters.web.ui;

import java.time.LocalDate;
import java.time.ZoneId;
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
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.identity.LogIn;
import no.kontor.application.identity.LogOut;
import no.kontor.application.sale.ReadSales;
import no.kontor.application.sale.SaleFilter;
import no.kontor.domain.identity.Actor;

/**
 * The staff pages (docs/decisions/web-ui.md): server-rendered, calling the same use cases with the
 * same role checks as the API: the login page, the home page with the user's work list (overdue
 * first) and the day's new orders from the order form, and logout. Every page answers with a Content-Security-Policy that allows no
 * inline script, and every form carries the session's CSRF token (the login form, which has no session yet, refuses a post from another site).
 */
@Controller("/ui")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class StaffPagesController {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** Who the public order form's sales are created by (its actor's audit name). */
    static final String ORDER_FORM = Actor.publicForm().auditName();

    private final LogIn logIn;
    private final LogOut logOut;
    private final ReadActivities activities;
    private final ReadSales sales;
    private final StaffSessions sessions;

    public StaffPagesController(LogIn logIn, LogOut logOut, ReadActivities activities, ReadSales sales, StaffSessions sessions) {
        this.logIn = logIn;
        this.logOut = logOut;
        this.activities = activities;
        this.sales = sales;
        this.sessions = sessions;
    }

    @Get("/login")
    public HttpResponse<?> loginPage(@Nullable Authentication auth) {
        if (Pages.staff(auth) != null) {
            return Pages.redirect("/ui");
        }
        return Pages.page(HttpResponse.ok(new ModelAndView<>("ui/login", Map.of())));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> login(@Body Map<String, String> form, HttpRequest<?> request) {
        if (Pages.crossSite(request)) { // login CSRF: another site may not log this browser into an account of its choosing
            return Pages.page(HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("ui/login", Map.of("error",
                    "Innloggingen kom fra et annet nettsted. Åpne innloggingssiden og prøv igjen."))));
        }
        String username = form.getOrDefault("username", "");
        String password = form.getOrDefault("password", "");
        if (username.length() > 64 || password.length() > 200) {
            return Pages.page(HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("ui/login", Map.of("error",
                    "Brukernavn eller passord er for langt."))));
        }
        var result = logIn.execute(new LogIn.Command(username, password.toCharArray(), ClientAddresses.of(request)));
        if (result instanceof LogIn.Result.Throttled throttled) {
            return Pages.page(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1,
                    throttled.retryAfter().toSeconds()))).body(new ModelAndView<>("ui/login", Map.of("error",
                    "For mange mislykkede innlogginger. Prøv igjen om " + Math.max(1, throttled.retryAfter().toMinutes()) + " minutter."))));
        }
        if (!(result instanceof LogIn.Result.LoggedIn loggedIn)) {
            return Pages.page(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("ui/login", Map.of("error",
                    "Feil brukernavn eller passord.", "username", username))));
        }
        return Pages.redirect("/ui").cookie(sessions.open(loggedIn.user(), request));
    }

    @Get
    public HttpResponse<?> home(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "home", (actor, model) -> {
            var today = LocalDate.now(OSLO);
            model.put("items", activities.workList(actor, null, 50, null).items().stream().map(a -> {
                var m = new HashMap<String, Object>();
                m.put("subject", a.getSubject());
                m.put("due", a.getFollowUp().dueDate().format(Pages.NORWEGIAN));
                m.put("overdue", a.getFollowUp().dueDate().isBefore(today));
                m.put("stage", Labels.followUp(a.getFollowUp().stage()));
                m.put("companyId", a.getCompanyId().value());
                return m;
            }).toList());
            // the day's new orders from the public order form: sales it opened today
            model.put("orders", sales.list(actor, new SaleFilter(null, null, null, today, today, null), null, 100).items().stream()
                    .filter(v -> ORDER_FORM.equals(v.sale().getCreatedBy())).map(v -> Map.of("id", v.sale().getId().value(), "companyId",
                            v.sale().getCompanyId().value(), "at", v.sale().getCreatedAt().atZone(OSLO).format(CLOCK), "stage",
                            Labels.stage(v.sale().getStage()), "description", v.sale().getDescription() == null ? "" : v.sale().getDescription(),
                            "net", Kroner.of(v.totals().net()))).toList());
            return Pages.view("ui/home", model);
        });
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(@Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        Actor actor = Pages.staff(auth);
        if (actor == null) {
            return Pages.redirect("/ui/login");
        }
        if (!UiSession.csrfMatches(request, form.get("csrf"))) {
            return Pages.page(HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("ui/login", Map.of("error",
                    "Skjemaet var utløpt. Prøv igjen."))));
        }
        logOut.execute(actor);
        return Pages.redirect("/ui/login").cookie(sessions.close(request));
    }
}
