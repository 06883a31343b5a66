package no.kontor.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, sanely checked: one @, a local part, a domain with a dot; the domain lower-cased. */
public record EmailAddress(String value) {
    public static final int MAX = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    public EmailAddress {
        value = value == null ? null : value.strip();
        if (value == null || value.length() > MAX || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email.invalid", "'" + value + "' is not an e-mail address");
        }
        int at = value.indexOf('@');
        value = value.substring(0, at + 1) + value.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
