package no.kontor.application.shared;

/** An idempotency key used again with a different request: refused, nothing done (HTTP 422). */
public class RequestMismatchException extends RuntimeException {
    public RequestMismatchException(String message) {
        super(message);
    }
}
