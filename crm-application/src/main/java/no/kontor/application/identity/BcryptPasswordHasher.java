package no.kontor.application.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import no.kontor.application.identity.port.PasswordHasher;

/**
 * bcrypt from a maintained library (at.favre.lib), at a cost the wiring chooses: 12 in
 * production, lower in tests. It lives beside the use cases, not in an adapter, so that a
 * program embedding the core needs no web adapter to log staff in (docs/decisions/password-hashing.md).
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    private final int cost;

    public BcryptPasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, was " + cost);
        }
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
