package no.kontor.adapters.web.shared;

import io.micronaut.security.authentication.Authentication;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;

/** The actor behind a request's bearer token. */
public final class Actors {
    public static final String USER_ID = "uid";
    /** The user's token version when the token was issued; see {@code TokenVersionValidator}. */
    public static final String TOKEN_VERSION = "tv";
    /** The role of a My page session (portal.Customers); never a staff role. */
    public static final String CUSTOMER_ROLE = "CUSTOMER";

    private Actors() {
    }

    /** The staff user; a customer's token (My page) is refused here too, whatever the route's rules said. */
    public static Actor of(Authentication authentication) {
        if (authentication.getRoles().contains(CUSTOMER_ROLE)) {
            throw new AccessDeniedException("a customer's token opens My page only");
        }
        Object id = authentication.getAttributes().get(USER_ID);
        Role role = authentication.getRoles().stream().map(Role::valueOf).max(Enum::compareTo)
                .orElseThrow(() -> new IllegalStateException("a token without a role"));
        return Actor.staff(((Number) id).longValue(), authentication.getName(), role);
    }
}
