package no.kontor.application.invoice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The six-digit PIN a customer uses with the invoice number to open My page. Only
 * {@code HMAC-SHA256(key, invoice number || PIN)} is stored, with the key from
 * configuration, never from the database (RELIABILITY.md); the clear PIN lives only
 * in the render job and on the printed invoice.
 */
public final class CustomerPins {
    private static final String HMAC = "HmacSHA256";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public CustomerPins(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the PIN key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, HMAC);
    }

    public String newPin() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public byte[] hash(long invoiceNumber, String pin) {
        try {
            var mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal((invoiceNumber + "|" + pin).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time; the caller does the same work for an unknown invoice (pass any stored hash). */
    public boolean matches(long invoiceNumber, String pin, byte[] stored) {
        return MessageDigest.isEqual(hash(invoiceNumber, pin == null ? "" : pin), stored);
    }
}
