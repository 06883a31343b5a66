package no.kontor.application.invoice;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryIdempotencyKeys;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;

/**
 * The invoicing world for the use cases of other contexts (payments, reminders): a
 * company with issued invoices and drafts, made through the real invoicing use cases.
 */
public final class InvoicingFixture extends InvoicingWorld {

    public InMemoryInvoices invoices() {
        return invoices;
    }

    public InMemoryIdempotencyKeys keys() {
        return keys;
    }

    public InMemoryAuditTrail audit() {
        return audit;
    }

    public DirectTransactions transactions() {
        return tx;
    }

    public Clock clock() {
        return clock;
    }

    public Actor manager() {
        return manager;
    }

    public Actor seller() {
        return seller;
    }

    /** A draft of one ordered sale with one line. */
    public Invoice draftInvoice() {
        return drafting.create(manager, List.of(orderedSale()), null, null);
    }

    /** An issued invoice of one ordered sale with one line (NOK 1 000 + VAT). */
    public Invoice issuedInvoice() {
        return issuing.execute(manager, draftInvoice().getId(), null);
    }

    public Invoice credit(InvoiceId invoice, Set<Integer> lineNos) {
        return crediting.execute(manager, invoice, lineNos, "Kreditert i test");
    }
}
