package no.kontor.domain.shared;

import java.util.Map;

/**
 * The request is well-formed but collides with the current state: a duplicate
 * organisation number, a booked day, an invoice already issued.
 * {@code details} names what it collided with, for the caller to show.
 */
public class ConflictException extends DomainException {
    private final Map<String, Object> details;

    public ConflictException(String code, String message) {
        this(code, message, Map.of());
    }

    public ConflictException(String code, String message, Map<String, Object> details) {
        super(code, message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
