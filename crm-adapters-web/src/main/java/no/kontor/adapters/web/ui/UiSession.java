package no.kontor.adapters.web.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

/**
 * The staff pages' session: the same signed token as the API's bearer token, carried in an
 * {@code HttpOnly}, {@code SameSite=Strict} cookie (docs/decisions/web-ui.md). It is read only
 * on the pages ({@code /ui/…}): the JSON API takes bearer tokens alone, so a cookie never
 * authenticates a cross-site request to it. A form's CSRF token is the SHA-256 of the session
 * cookie: a page of this origin can print it, another site can neither read nor forge it.
 */
@Singleton
public class UiSession implements TokenReader<HttpRequest<?>> {
    public static final String COOKIE = "kontor_ui";
    static final String PAGES = "/ui";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!request.getPath().equals(PAGES) && !request.getPath().startsWith(PAGES + "/")) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public int getOrder() {
        return 0;
    }

    static Cookie cookie(String token, boolean secure, Duration maxAge) {
        return Cookie.of(COOKIE, token).path(PAGES).httpOnly(true).secure(secure).sameSite(SameSite.Strict).maxAge(maxAge);
    }

    static Cookie cleared(boolean secure) {
        return Cookie.of(COOKIE, "").path(PAGES).httpOnly(true).secure(secure).sameSite(SameSite.Strict).maxAge(0);
    }

    /** The CSRF token of the request's staff session; empty without one. */
    static Optional<String> csrf(HttpRequest<?> request) {
        return csrf(request, COOKIE);
    }

    static boolean csrfMatches(HttpRequest<?> request, String sent) {
        return csrfMatches(request, COOKIE, sent);
    }

    /** The CSRF token of the session in cookie {@code cookie} (the SHA-256 of its value); empty without one. */
    static Optional<String> csrf(HttpRequest<?> request, String cookie) {
        return request.getCookies().findCookie(cookie).map(Cookie::getValue).filter(v -> !v.isBlank()).map(UiSession::digest);
    }

    /** Whether {@code sent} is that session's CSRF token, compared in constant time. */
    static boolean csrfMatches(HttpRequest<?> request, String cookie, String sent) {
        return sent != null && csrf(request, cookie).map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    private static String digest(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
