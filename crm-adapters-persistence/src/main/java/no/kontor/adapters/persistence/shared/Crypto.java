package no.kontor.adapters.persistence.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The adapter's two primitives, written once: HMAC-SHA256 (the audit chain, PIN hashes,
 * key derivation) and AES-256-GCM with a random 96-bit nonce stored before the
 * ciphertext (personal data in the audit log, a render job's PIN). Secrets come from
 * configuration and are checked here for length.
 */
public final class Crypto {
    public static final int MIN_SECRET_LENGTH = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    /** A configured secret's bytes; refused when it is missing or shorter than 32 characters. */
    public static byte[] secret(String configured, String setting) {
        if (configured == null || configured.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(setting + " must be set to a secret of at least " + MIN_SECRET_LENGTH + " characters");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code HMAC-SHA256(key, parts[0] || parts[1] || …)}. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** {@code plaintext} sealed under a 256-bit {@code key}: nonce, then ciphertext and tag; {@code aad} (or null) is bound to it. */
    public static byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] all = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
            return all;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** What {@link #seal} sealed; fails when the key, the data or the {@code aad} is not the one it was sealed with. */
    public static byte[] open(byte[] key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES) {
            throw new GeneralSecurityException("too short to be sealed data");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        if (aad != null) {
            cipher.updateAAD(aad);
        }
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
