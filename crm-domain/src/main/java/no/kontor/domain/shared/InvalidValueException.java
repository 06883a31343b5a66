package no.kontor.domain.shared;

/** A value object refused its input (a bad check digit, a blank name, …). */
public class InvalidValueException extends DomainException {
    public InvalidValueException(String code, String message) {
        super(code, message);
    }
}
