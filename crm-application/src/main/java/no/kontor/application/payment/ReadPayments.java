package no.kontor.application.payment;

import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.Payment;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.shared.Paging;
import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.port.Payments;

/** Every staff user reads payments: an invoice's, the unmatched list, an import's report. */
public final class ReadPayments {
    private final Payments payments;
    private final OcrImports imports;
    private final Invoices invoices;
    private final Transactions tx;

    public ReadPayments(Payments payments, OcrImports imports, Invoices invoices, Transactions tx) {
        this.payments = payments;
        this.imports = imports;
        this.invoices = invoices;
        this.tx = tx;
    }

    public Page<Payment> ofInvoice(Actor actor, InvoiceId id, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        return tx.readOnly(() -> {
            invoices.find(id).orElseThrow(() -> new NotFoundException("invoice", id));
            return payments.ofInvoice(id, cursor, limit);
        });
    }

    public Page<Payment> unmatched(Actor actor, String cursor, int limit) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> payments.unmatched(cursor, Math.max(1, Math.min(limit, 200))));
    }

    public OcrImportReport report(Actor actor, long importId) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> imports.find(importId).orElseThrow(() -> new NotFoundException("ocr-import", importId)));
    }
}
