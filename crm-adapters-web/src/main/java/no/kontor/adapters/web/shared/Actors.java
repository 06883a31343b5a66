package no.kontor.adapters.web.shared;

import io.micronaut.security.authentication.Authentication;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/** The actor behind a request's bearer token. */
public final class Actors {
    public static final String USER_ID = "uid";
    /** The user's token version when the token was issued; see {@code TokenVersionValidator}. */
    public static final String TOKEN_VERSION = "tv";

    private Actors() {
    }

    public static Actor of(Authentication authentication) {
        Object id = authentication.getAttributes().get(USER_ID);
        Role role = authentication.getRoles().stream().map(Role::valueOf).max(Enum::compareTo)
                .orElseThrow(() -> new IllegalStateException("a token without a role"));
        return Actor.staff(((Number) id).longValue(), authentication.getName(), role);
    }
}
