package no.kontor.domain.shared;

/**
 * A broken business rule. Every domain error carries a stable, dotted code
 * ({@code invoice.already-issued}) that adapters map to their own vocabulary
 * (the web adapter to a problem type and status); the domain knows no HTTP.
 */
public class DomainException extends RuntimeException {
    private final String code;

    public DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
