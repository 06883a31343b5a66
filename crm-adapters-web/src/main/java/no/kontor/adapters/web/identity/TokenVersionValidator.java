package no.kontor.adapters.web.identity;

import java.util.Collection;
import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.application.identity.TokenCheck;
import no.kontor.domain.identity.Role;

/**
 * Every bearer token is checked against the user as stored, on every request: the
 * user is active, has the role the token names, and the token carries the user's
 * current token version. A token that fails is not a token at all (the request is
 * anonymous, so a protected route answers {@code 401} and the client logs in
 * again). Micronaut Security runs claim validators off the event loop.
 */
@Singleton
public class TokenVersionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
    private final TokenCheck tokens;

    public TokenVersionValidator(TokenCheck tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        if (!(claims.get(Actors.USER_ID) instanceof Number userId) || !(claims.get(Actors.TOKEN_VERSION) instanceof Number version)) {
            return false;
        }
        Role role = role(claims.get("roles"));
        return role != null && tokens.stillValid(userId.longValue(), role, version.longValue());
    }

    /** The one staff role the token names, or null. */
    private static Role role(Object roles) {
        Collection<?> names = roles instanceof Collection<?> c ? c : roles instanceof String s ? List.of(s) : List.of();
        if (names.size() != 1) {
            return null;
        }
        try {
            return Role.valueOf(String.valueOf(names.iterator().next()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
