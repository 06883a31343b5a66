package no.kontor.application.payment.port;

import java.util.List;
import java.util.Optional;

import no.kontor.application.shared.Page;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.Payment;

/**
 * The store of payments. An OCR transaction is stored once by its bank key (agreement,
 * assignment number, transaction number, settlement date): the store refuses a second.
 */
public interface Payments {

    Payment add(Payment payment);

    Optional<Payment> find(long id);

    /** The payment locked for the rest of the transaction. */
    Optional<Payment> lock(long id);

    /** Writes the invoice an unmatched payment was assigned to. */
    Payment assign(Payment assigned);

    /**
     * Adds an OCR payment unless a payment with its bank key is registered, by this
     * transaction or one committed before (empty then). A concurrent import adding the same
     * key waits for the other and, once it commits, gets empty.
     */
    Optional<Payment> addFromBank(Payment payment);

    /** Payments no invoice matched, oldest first. */
    Page<Payment> unmatched(String cursor, int limit);

    List<Payment> ofInvoice(InvoiceId invoice);

    /** An invoice's payments, oldest first, a page after {@code cursor} (null: the first). */
    Page<Payment> ofInvoice(InvoiceId invoice, String cursor, int limit);
}
