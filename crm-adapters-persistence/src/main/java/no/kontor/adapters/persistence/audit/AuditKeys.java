package no.kontor.adapters.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Crypto;

/**
 * The chain's HMAC key, from configuration ({@code kontor.audit.key}), never from
 * the database: whoever can write the table cannot recompute the chain.
 */
@Singleton
public class AuditKeys {
    static final String GENESIS = "0".repeat(64);

    private final byte[] key;

    public AuditKeys(@Value("${kontor.audit.key}") String key) {
        this.key = Crypto.secret(key, "kontor.audit.key (KONTOR_AUDIT_KEY)");
    }

    /** {@code HMAC-SHA256(key, previousHash || entryText)} in lower-case hex. */
    String chain(String previousHash, String entryText) {
        return HexFormat.of().formatHex(Crypto.hmacSha256(key, previousHash.getBytes(StandardCharsets.US_ASCII),
                entryText.getBytes(StandardCharsets.UTF_8)));
    }
}
