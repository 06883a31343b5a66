package no.kontor.adapters.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Crypto;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.audit.port.PersonalDataKeys;

/**
 * Per-person keys for personal data in audit entries (AES-256-GCM). Forgetting a
 * person deletes the key: the entries stay, hashed as they were, and unreadable.
 */
@Singleton
public class PersonalDataVault implements PersonalDataKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;

    public PersonalDataVault(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    String encrypt(String subject, String plaintext) {
        return Base64.getEncoder().encodeToString(Crypto.seal(keyFor(subject), plaintext.getBytes(StandardCharsets.UTF_8),
                subject.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plaintext, or empty when the person's key has been deleted (forgotten). */
    Optional<String> decrypt(String subject, String sealedBase64) {
        return existingKey(subject).map(key -> {
            try {
                return new String(Crypto.open(key, Base64.getDecoder().decode(sealedBase64), subject.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("an audit entry of " + subject + " cannot be decrypted", e);
            }
        });
    }

    /** Deletes the person's key; returns whether there was one. */
    @Override
    public boolean forget(String subject) {
        return jdbc.update("DELETE FROM audit_subject_key WHERE subject = ?", List.of(subject)) > 0;
    }

    private byte[] keyFor(String subject) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.update("INSERT INTO audit_subject_key (subject, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (subject) DO NOTHING",
                List.of(subject, fresh, Instant.now()));
        return existingKey(subject).orElseThrow();
    }

    private Optional<byte[]> existingKey(String subject) {
        return jdbc.query("SELECT secret FROM audit_subject_key WHERE subject = ?", List.of(subject), rs -> rs.getBytes(1))
                .stream().findFirst();
    }
}
