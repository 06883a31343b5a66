package no.kontor.adapters.web.ui;

import java.time.Duration;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.portal.RealmRule;

/**
 * My page's session in the browser: the customer's session token (the same {@code kp_…} token
 * the portal API takes) in a cookie of its own, {@code HttpOnly}, {@code SameSite=Strict}, path
 * {@code /minside}, read only there. The staff cookie's path is {@code /ui}, so a browser never
 * sends one realm's cookie to the other's pages, and RealmRule refuses it if it did.
 */
@Singleton
public class MyPageSession implements TokenReader<HttpRequest<?>> {
    public static final String COOKIE = "kontor_minside";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        String path = request.getPath();
        if (!path.equals(RealmRule.PAGES) && !path.startsWith(RealmRule.PAGES + "/")) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public int getOrder() {
        return 1;
    }

    static Cookie cookie(String token, boolean secure, Duration maxAge) {
        return Cookie.of(COOKIE, token).path(RealmRule.PAGES).httpOnly(true).secure(secure).sameSite(SameSite.Strict).maxAge(maxAge);
    }

    static Cookie cleared(boolean secure) {
        return Cookie.of(COOKIE, "").path(RealmRule.PAGES).httpOnly(true).secure(secure).sameSite(SameSite.Strict).maxAge(0);
    }
}
