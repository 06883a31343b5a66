package no.kontor.adapters.web.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.application.identity.PasswordHasher;

/** bcrypt (at.favre.lib), cost from configuration: 12 in production, lower in tests. */
@Singleton
public class BcryptPasswordHasher implements PasswordHasher {
    private final int cost;

    public BcryptPasswordHasher(@Value("${kontor.security.bcrypt-cost:12}") int cost) {
        this.cost = cost;
    }

    @Override
    public String hash(char[] password) {
        return BCrypt.withDefaults().hashToString(cost, password);
    }

    /** A password bcrypt cannot take (over 72 bytes) matches nothing; the use cases never let one be set. */
    @Override
    public boolean matches(char[] password, String hash) {
        try {
            return BCrypt.verifyer().verify(password, hash).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
