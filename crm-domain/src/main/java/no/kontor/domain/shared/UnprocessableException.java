package no.kontor.domain.shared;

/**
 * The request is well-formed and allowed, but what it would produce breaks a rule
 * of what Kontor keeps: an invoice whose frozen document could not be read. Nothing
 * was changed; the data behind it must be mended first.
 */
public class UnprocessableException extends DomainException {
    public UnprocessableException(String code, String message) {
        super(code, message);
    }
}
