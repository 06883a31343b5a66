package no.kontor.adapters.persistence.invoice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.invoice.InvoiceJobs;
import no.kontor.domain.invoice.InvoiceId;

/**
 * Jobs written to the outbox table in the caller's transaction. A render job carries
 * the customer's clear PIN encrypted with AES-GCM under a key derived from the PIN
 * key in configuration, so the database never holds it readable (RELIABILITY.md).
 */
@Singleton
public class JdbcInvoiceJobs implements InvoiceJobs {
    private static final int NONCE_BYTES = 12;
    private final Jdbc jdbc;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public JdbcInvoiceJobs(Jdbc jdbc, @Value("${kontor.invoicing.pin-key}") String pinKey) {
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(derive(pinKey, "kontor render job"), "AES");
    }

    @Override
    public void render(InvoiceId id, String pin) {
        jdbc.update("INSERT INTO outbox (kind, invoice_id, payload, not_before, created_at) VALUES ('RENDER_PDF', ?, ?, now(), now())",
                Arrays.asList(id.value(), pin == null ? null : seal(pin)));
    }

    /** The PIN sealed in a render job, or null when the job has none. */
    public String openPin(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, payload, 0, NONCE_BYTES));
            return new String(cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a render job's PIN cannot be opened: was kontor.invoicing.pin-key changed?", e);
        }
    }

    private byte[] seal(String pin) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(pin.getBytes(StandardCharsets.UTF_8));
            byte[] payload = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, payload, NONCE_BYTES, sealed.length);
            return payload;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A 256-bit key for one purpose, derived from a configured secret with HMAC-SHA256. */
    static byte[] derive(String secret, String purpose) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("kontor.invoicing.pin-key (KONTOR_PIN_KEY) must be set to a secret of at least 32 characters");
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
