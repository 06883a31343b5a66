package no.kontor.application.invoice.port;

/**
 * The six-digit PIN a customer uses with the invoice number to open My page. Only
 * {@code HMAC-SHA256(key, invoice number || PIN)} is stored, with the key from
 * configuration, never from the database (docs/decisions/pin-handling.md); the clear PIN lives only
 * in the render job and on the printed invoice. The key and the HMAC belong to an
 * adapter, as the password hash does.
 */
public interface CustomerPins {

    /** A fresh PIN from a secure random source. */
    String newPin();

    /** What is stored of {@code pin}, bound to its invoice number. */
    byte[] hash(long invoiceNumber, String pin);

    /** Compares in constant time; the caller does the same work for an unknown invoice (pass any stored hash). */
    boolean matches(long invoiceNumber, String pin, byte[] stored);
}
