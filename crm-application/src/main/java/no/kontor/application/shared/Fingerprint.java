package no.kontor.application.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex: what an idempotency key or an imported file is recognised by. Fields are
 * joined with the unit separator, so two different lists of fields never hash alike by
 * running into each other.
 */
public final class Fingerprint {
    private static final String SEPARATOR = "\u001f";

    private Fingerprint() {
    }

    /** The fingerprint of {@code fields} in order; a null field reads {@code "null"}. */
    public static String of(Object... fields) {
        var text = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            text.append(fields[i]);
        }
        return of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
