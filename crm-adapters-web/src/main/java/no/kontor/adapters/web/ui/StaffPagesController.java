package no.kontor.adapters.web.ui;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.identity.LogIn;
import no.kontor.application.identity.LogOut;
import no.kontor.domain.identity.Actor;

/**
 * The staff pages (docs/decisions/web-ui.md): server-rendered, calling the same use cases with the
 * same role checks as the API. So far: the login page, the home page with the user's work list
 * (overdue first), and logout. Every page answers with a Content-Security-Policy that allows no
 * inline script, and every form carries the session's CSRF token.
 */
@Controller("/ui")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class StaffPagesController {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final Duration SESSION = Duration.ofHours(8);

    private final LogIn logIn;
    private final LogOut logOut;
    private final ReadActivities activities;
    private final AccessRefreshTokenGenerator tokens;

    public StaffPagesController(LogIn logIn, LogOut logOut, ReadActivities activities, AccessRefreshTokenGenerator tokens) {
        this.logIn = logIn;
        this.logOut = logOut;
        this.activities = activities;
        this.tokens = tokens;
    }

    /** A page's answer: the view, and the headers every page sends. */
    static <T> MutableHttpResponse<T> page(MutableHttpResponse<T> response) {
        return response.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin").header("Cache-Control", "no-store");
    }

    static MutableHttpResponse<Object> redirect(String to) {
        return page(HttpResponse.seeOther(URI.create(to)));
    }

    /** What every staff page's header shows: who is logged in, and the logout form's CSRF token. */
    static Map<String, Object> model(Authentication auth, HttpRequest<?> request, String section) {
        var model = new HashMap<String, Object>();
        model.put("name", String.valueOf(auth.getAttributes().getOrDefault("name", auth.getName())));
        model.put("csrf", UiSession.csrf(request).orElse(""));
        model.put("section", section);
        return model;
    }

    @Get("/login")
    public HttpResponse<?> loginPage(@Nullable Authentication auth) {
        if (staff(auth) != null) {
            return redirect("/ui");
        }
        return page(HttpResponse.ok(new ModelAndView<>("ui/login", Map.of())));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> login(@Body Map<String, String> form, HttpRequest<?> request) {
        String username = form.getOrDefault("username", "");
        String password = form.getOrDefault("password", "");
        if (username.length() > 64 || password.length() > 200) {
            return page(HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("ui/login", Map.of("error",
                    "Brukernavn eller passord er for langt."))));
        }
        var result = logIn.execute(new LogIn.Command(username, password.toCharArray(), ClientAddresses.of(request)));
        if (result instanceof LogIn.Result.Throttled throttled) {
            return page(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1,
                    throttled.retryAfter().toSeconds()))).body(new ModelAndView<>("ui/login", Map.of("error",
                    "For mange mislykkede innlogginger. Prøv igjen om " + Math.max(1, throttled.retryAfter().toMinutes()) + " minutter."))));
        }
        if (!(result instanceof LogIn.Result.LoggedIn loggedIn)) {
            return page(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("ui/login", Map.of("error",
                    "Feil brukernavn eller passord.", "username", username))));
        }
        var u = loggedIn.user();
        var authentication = Authentication.build(u.getUsername(), List.of(u.getRole().name()),
                Map.of(Actors.USER_ID, u.getId(), Actors.TOKEN_VERSION, u.getTokenVersion(), "name", u.getDisplayName()));
        String token = tokens.generate(authentication).orElseThrow(() -> new IllegalStateException("no token generator is configured"))
                .getAccessToken();
        return redirect("/ui").cookie(UiSession.cookie(token, request.isSecure(), SESSION));
    }

    @Get
    public HttpResponse<?> home(@Nullable Authentication auth, HttpRequest<?> request) {
        Actor actor = staff(auth);
        if (actor == null) {
            return redirect("/ui/login");
        }
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));
        var items = activities.workList(actor, null, 50, null).items().stream().map(a -> {
            var m = new HashMap<String, Object>();
            m.put("subject", a.getSubject());
            m.put("due", a.getFollowUp().dueDate().format(NORWEGIAN));
            m.put("overdue", a.getFollowUp().dueDate().isBefore(today));
            m.put("stage", a.getFollowUp().stage().name());
            m.put("companyId", a.getCompanyId().value());
            return m;
        }).toList();
        var model = model(auth, request, "home");
        model.put("items", items);
        return page(HttpResponse.ok(new ModelAndView<>("ui/home", model)));
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(@Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        Actor actor = staff(auth);
        if (actor == null) {
            return redirect("/ui/login");
        }
        if (!UiSession.csrfMatches(request, form.get("csrf"))) {
            return page(HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("ui/login", Map.of("error",
                    "Skjemaet var utløpt. Prøv igjen."))));
        }
        logOut.execute(actor);
        return redirect("/ui/login").cookie(UiSession.cleared(request.isSecure()));
    }

    /** The staff user of a session, or null (none, or a customer's token). */
    static Actor staff(Authentication auth) {
        if (auth == null || auth.getRoles().contains(Actors.CUSTOMER_ROLE)) {
            return null;
        }
        return Actors.of(auth);
    }
}
