package no.kontor.domain.shared;

/** The record asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends DomainException {
    public NotFoundException(String kind, Object id) {
        super(kind + ".not-found", "No " + kind + " with id " + id);
    }
}
