package no.kontor.adapters.web.shared;

import java.util.regex.Pattern;

import no.kontor.domain.shared.ValidationException;

/** The {@code Idempotency-Key} header a client sends to retry a POST safely: 1–200 visible ASCII characters. */
public final class IdempotencyKeyHeader {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private IdempotencyKeyHeader() {
    }

    /** The key as sent, or null when none was; refused when malformed. */
    public static String checked(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ValidationException("Idempotency-Key", "idempotency.key-invalid", "An Idempotency-Key is 1–200 visible ASCII characters");
        }
        return key;
    }
}
