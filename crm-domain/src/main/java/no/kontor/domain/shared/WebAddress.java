package no.kontor.domain.shared;

import java.net.URI;
import java.net.URISyntaxException;

/** A web site's address (http or https); {@code https://} is added when the scheme is missing. */
public record WebAddress(String value) {
    public static final int MAX = 2000;

    public WebAddress {
        String v = value == null ? "" : value.strip();
        if (!v.isEmpty() && !v.matches("(?i)https?://.*")) {
            v = "https://" + v;
        }
        try {
            URI uri = new URI(v);
            if (v.length() > MAX || uri.getHost() == null || !uri.getHost().contains(".")) {
                throw new URISyntaxException(v, "no host");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("website.invalid", "'" + value + "' is not a web address");
        }
        value = v;
    }

    @Override
    public String toString() {
        return value;
    }
}
