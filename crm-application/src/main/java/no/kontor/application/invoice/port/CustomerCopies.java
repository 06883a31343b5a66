package no.kontor.application.invoice.port;

import java.time.Instant;
import java.util.Optional;

import no.kontor.application.invoice.Giro;
import no.kontor.domain.invoice.InvoiceId;

/**
 * The customer's copy of an issued document: the archived document plus the PIN that opens
 * My page, for plain paper and for a pre-printed giro form. Kept only until it is delivered
 * (mailed, or fetched for printing) or expires (docs/decisions/pin-handling.md).
 */
public interface CustomerCopies {

    /** Stores the copy, replacing an older one of the same document. */
    void store(InvoiceId id, byte[] pdf, byte[] preprinted, Instant renderedAt, Instant expiresAt);

    Optional<byte[]> find(InvoiceId id, Giro giro);

    boolean exists(InvoiceId id);

    /** Removes the copy; true if there was one. */
    boolean remove(InvoiceId id);

    /** Removes every copy that expired by {@code now}; returns how many. */
    int removeExpired(Instant now);
}
