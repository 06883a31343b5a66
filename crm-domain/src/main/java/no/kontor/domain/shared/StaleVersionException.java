package no.kontor.domain.shared;

/** An update was based on a version that is no longer current; nothing was written. */
public class StaleVersionException extends DomainException {
    public StaleVersionException(String kind, Object id, long expected) {
        super(kind + ".stale-version", "The " + kind + " " + id + " has changed since version " + expected);
    }
}
