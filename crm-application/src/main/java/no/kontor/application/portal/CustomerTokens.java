package no.kontor.application.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A My page session token: {@code kp_} and 256 random bits (base64url), so it can be told from a
 * staff token at a glance and never guessed. Only its SHA-256 is stored.
 */
public final class CustomerTokens {
    public static final String PREFIX = "kp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CustomerTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} has a customer token's form (the prefix and 43 base64url characters). */
    public static boolean looksLikeOne(String token) {
        return token != null && token.length() == PREFIX.length() + 43 && token.startsWith(PREFIX)
                && token.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
