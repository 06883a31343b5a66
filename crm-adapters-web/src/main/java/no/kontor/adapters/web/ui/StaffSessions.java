package no.kontor.adapters.web.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.domain.identity.StaffUser;

/**
 * Opens a staff user's page session: the API's signed token for the user as they are now
 * (role, token version), in the {@link UiSession} cookie, {@code Secure} as {@link SecureCookies} says.
 */
@Singleton
public class StaffSessions {
    static final Duration LENGTH = Duration.ofHours(8);

    private final AccessRefreshTokenGenerator tokens;
    private final SecureCookies secureCookies;

    public StaffSessions(AccessRefreshTokenGenerator tokens, SecureCookies secureCookies) {
        this.tokens = tokens;
        this.secureCookies = secureCookies;
    }

    Cookie open(StaffUser user, HttpRequest<?> request) {
        var authentication = Authentication.build(user.getUsername(), List.of(user.getRole().name()), Map.of(Actors.USER_ID, user.getId(),
                Actors.TOKEN_VERSION, user.getTokenVersion(), "name", user.getDisplayName()));
        String token = tokens.generate(authentication).orElseThrow(() -> new IllegalStateException("no token generator is configured"))
                .getAccessToken();
        return UiSession.cookie(token, secureCookies.of(request), LENGTH);
    }

    Cookie close(HttpRequest<?> request) {
        return UiSession.cleared(secureCookies.of(request));
    }
}
