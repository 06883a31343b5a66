package no.kontor.domain.shared;

/** The actor's role does not allow this act. */
public class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super("access.denied", message);
    }
}
