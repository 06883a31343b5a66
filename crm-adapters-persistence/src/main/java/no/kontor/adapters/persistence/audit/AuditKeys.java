package no.kontor.adapters.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The chain's HMAC key, from configuration ({@code kontor.audit.key}), never from
 * the database: whoever can write the table cannot recompute the chain.
 */
@Singleton
public class AuditKeys {
    static final String GENESIS = "0".repeat(64);
    private static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    public AuditKeys(@Value("${kontor.audit.key}") String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("kontor.audit.key (KONTOR_AUDIT_KEY) must be set to a secret of at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code HMAC-SHA256(key, previousHash || entryText)} in lower-case hex. */
    String chain(String previousHash, String entryText) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(entryText.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
