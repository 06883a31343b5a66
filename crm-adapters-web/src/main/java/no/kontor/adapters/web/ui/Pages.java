package no.kontor.adapters.web.ui;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.domain.identity.Actor;

/** What every page shares: the headers it answers with, a redirect, the staff header's model, and who is logged in. */
final class Pages {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Pages() {
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

    /** The staff user of a session, or null (none, or a customer's token). */
    static Actor staff(Authentication auth) {
        if (auth == null || auth.getRoles().contains(Actors.CUSTOMER_ROLE)) {
            return null;
        }
        return Actors.of(auth);
    }
}
