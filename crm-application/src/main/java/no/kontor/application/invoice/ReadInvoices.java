package no.kontor.application.invoice;

import java.util.List;

import no.kontor.application.shared.Page;
import no.kontor.application.shared.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;

/** Every staff user reads invoices, credit notes and their EHF documents. */
public final class ReadInvoices {
    public static final int MAX_PAGE = 200;

    private final Invoices invoices;
    private final Transactions tx;

    public ReadInvoices(Invoices invoices, Transactions tx) {
        this.invoices = invoices;
        this.tx = tx;
    }

    public Invoice view(Actor actor, InvoiceId id) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> invoices.find(id).orElseThrow(() -> new NotFoundException("invoice", id)));
    }

    public List<Invoice> creditNotes(Actor actor, InvoiceId id) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> invoices.creditNotesOf(id));
    }

    public Page<Invoice> list(Actor actor, InvoiceFilter filter, String cursor, int limit) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> invoices.list(filter, cursor, Math.max(1, Math.min(limit, MAX_PAGE))));
    }

    /** The frozen UBL; a draft has none yet. */
    public String document(Actor actor, InvoiceId id) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> {
            var invoice = invoices.find(id).orElseThrow(() -> new NotFoundException("invoice", id));
            if (!invoice.getStatus().isIssued()) {
                throw new ConflictException("invoice.draft", "A draft has no document until it is issued");
            }
            return invoices.document(id).orElseThrow(() -> new NotFoundException("invoice", id));
        });
    }
}
