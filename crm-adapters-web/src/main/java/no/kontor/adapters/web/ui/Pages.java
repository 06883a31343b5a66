package no.kontor.adapters.web.ui;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.UnprocessableException;
import no.kontor.domain.shared.ValidationException;

/**
 * What every page shares: the headers it answers with, a redirect, the staff header's model,
 * who is logged in, and {@link #staff(Authentication, HttpRequest, String, Body) the frame of a
 * staff page} (no session → the login page; a record that is not there → the 404 page; a role
 * that may not → the 403 page; a refused form → the refusal, in Norwegian, with its status).
 */
final class Pages {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final ResourceBundle REFUSALS = ResourceBundle.getBundle("views/refusals");

    private Pages() {
    }

    /** A page's body, given the staff user and the model that already holds the header's entries. */
    @FunctionalInterface
    interface Body {
        HttpResponse<?> render(Actor actor, Map<String, Object> model);
    }

    /** A page's answer: the view, and the headers every page sends. */
    static <T> MutableHttpResponse<T> page(MutableHttpResponse<T> response) {
        return response.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin").header("Cache-Control", "no-store");
    }

    static MutableHttpResponse<Object> redirect(String to) {
        return page(HttpResponse.seeOther(URI.create(to)));
    }

    /** The view {@code template} with {@code model}, answered with {@code status}. */
    static MutableHttpResponse<?> view(HttpStatus status, String template, Map<String, Object> model) {
        return page(HttpResponse.status(status).body(new ModelAndView<>(template, model)));
    }

    static MutableHttpResponse<?> view(String template, Map<String, Object> model) {
        return view(HttpStatus.OK, template, model);
    }

    /**
     * A staff page: without a staff session the login page; otherwise {@code body} with the
     * header's model. A use case's refusal becomes its page: {@code 404} for a record that is
     * not there (or an impossible id), {@code 403} for a role that may not, and the refusal's
     * own status with its Norwegian text for any other broken rule.
     */
    static HttpResponse<?> staff(Authentication auth, HttpRequest<?> request, String section, Body body) {
        var actor = staff(auth);
        if (actor == null) {
            return redirect("/ui/login");
        }
        var model = model(auth, request, section);
        try {
            return body.render(actor, model);
        } catch (NotFoundException | IllegalArgumentException e) { // IllegalArgumentException: an id that is no number, or ≤ 0
            return view(HttpStatus.NOT_FOUND, "ui/not-found", model);
        } catch (AccessDeniedException e) {
            return view(HttpStatus.FORBIDDEN, "ui/forbidden", model);
        } catch (DomainException e) {
            model.put("refusal", explain(e));
            return view(statusOf(e), "ui/refused", model);
        }
    }

    /**
     * A staff form's POST: as {@link #staff}, and first its CSRF token must be the session's
     * (else {@code 403} and nothing is done).
     */
    static HttpResponse<?> form(Authentication auth, HttpRequest<?> request, Map<String, String> form, String section, Body body) {
        return staff(auth, request, section, (actor, model) -> {
            if (!UiSession.csrfMatches(request, form.get("csrf"))) {
                model.put("refusal", "Skjemaet var utløpt eller kom fra et annet nettsted. Last siden på nytt og prøv igjen.");
                return view(HttpStatus.FORBIDDEN, "ui/refused", model);
            }
            return body.render(actor, model);
        });
    }

    /**
     * Whether a login form was posted from another site: a browser says so in {@code Sec-Fetch-Site}
     * (or, older ones, in an {@code Origin} that is not this host). A login form has no session to
     * tie a CSRF token to; this stops another site from logging a browser into an account of its
     * choosing. A request without either header (not a browser's form) is not refused here.
     */
    static boolean crossSite(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
        }
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeaders().get("Host");
        return "null".equals(origin) || host == null || !origin.replaceFirst("^https?://", "").equalsIgnoreCase(host);
    }

    /**
     * A refusal in Norwegian: a validation's text for each field by its code, else the text for
     * the refusal's code; the rule's own (English) words where no text is written.
     */
    static String explain(DomainException e) {
        if (e instanceof ValidationException v && !v.errors().isEmpty()) {
            return v.errors().stream().map(f -> text(f.code(), f.message())).distinct().collect(java.util.stream.Collectors.joining(" "));
        }
        return text(e.code(), e.getMessage());
    }

    private static String text(String code, String otherwise) {
        try {
            return REFUSALS.getString(code);
        } catch (MissingResourceException none) {
            return otherwise;
        }
    }

    static HttpStatus statusOf(DomainException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof StaleVersionException || e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof UnprocessableException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.BAD_REQUEST;
    }

    /** A record's id from a path: a positive whole number, else a NumberFormatException (the frame's 404 page). */
    static long id(String typed) {
        if (typed == null || !typed.matches("[0-9]{1,18}") || Long.parseLong(typed) < 1) {
            throw new NumberFormatException("not an id: " + typed);
        }
        return Long.parseLong(typed);
    }

    /** A date as typed in a form: {@code dd.mm.yyyy} (as the pages write it) or ISO {@code yyyy-mm-dd}; null when blank. */
    static LocalDate date(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        try {
            LocalDate day = t.contains(".") ? LocalDate.parse(t, DateTimeFormatter.ofPattern("d.M.uuuu")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)) : LocalDate.parse(t);
            if (day.getYear() < 1900 || day.getYear() > 2200) { // a typo, not a day this business has (and the date arithmetic's edge)
                throw new DateTimeParseException("out of range", t, 0);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new no.kontor.domain.shared.InvalidValueException("ui.date", "«" + t + "» er ikke en dato (dd.mm.åååå).");
        }
    }

    /** What every staff page's header shows: who is logged in, what the role may reach, and the logout form's CSRF token. */
    static Map<String, Object> model(Authentication auth, HttpRequest<?> request, String section) {
        var model = new HashMap<String, Object>();
        model.put("name", String.valueOf(auth.getAttributes().getOrDefault("name", auth.getName())));
        model.put("csrf", UiSession.csrf(request).orElse(""));
        model.put("section", section);
        model.put("manager", auth.getRoles().contains(Role.MANAGER.name()) || auth.getRoles().contains(Role.ADMIN.name()));
        model.put("admin", auth.getRoles().contains(Role.ADMIN.name()));
        return model;
    }

    /** The staff user of a session, or null (none, or a customer's token). */
    static Actor staff(Authentication auth) {
        if (auth == null || auth.getRoles().contains(Actors.CUSTOMER_ROLE)) {
            return null;
        }
        return Actors.of(auth);
    }
}
