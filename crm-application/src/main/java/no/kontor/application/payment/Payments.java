package no.kontor.application.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.kontor.application.shared.Page;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.Payment;

/** The store of payments. A bank reference is stored once: the store refuses a second. */
public interface Payments {

    Payment add(Payment payment);

    Optional<Payment> find(long id);

    /** The payment locked for the rest of the transaction. */
    Optional<Payment> lock(long id);

    /** Writes the invoice an unmatched payment was assigned to. */
    Payment assign(Payment assigned);

    /** Of {@code references}, those already registered. */
    Set<String> knownBankReferences(Collection<String> references);

    /** Payments no invoice matched, oldest first. */
    Page<Payment> unmatched(String cursor, int limit);

    List<Payment> ofInvoice(InvoiceId invoice);

    /** An invoice's payments, oldest first, a page after {@code cursor} (null: the first). */
    Page<Payment> ofInvoice(InvoiceId invoice, String cursor, int limit);
}
