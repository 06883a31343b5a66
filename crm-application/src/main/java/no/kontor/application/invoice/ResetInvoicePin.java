package no.kontor.application.invoice;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;

/**
 * A manager gives an issued document a new PIN (the customer lost the copy, or the PIN
 * leaked): the old PIN opens nothing any more and the sessions opened with it end, the
 * login's failures and lock are cleared, and the outbox renders a new customer's copy to
 * mail or print. Audited, never with the PIN.
 */
public final class ResetInvoicePin {
    private final Invoices invoices;
    private final InvoiceJobs jobs;
    private final PinRenewal renewal;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ResetInvoicePin(Invoices invoices, CustomerPins pins, InvoiceJobs jobs, AuditTrail audit, Transactions tx, Clock clock) {
        this.invoices = invoices;
        this.jobs = jobs;
        this.renewal = new PinRenewal(invoices, pins, jobs);
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public void execute(Actor actor, InvoiceId id) {
        actor.require(Role.MANAGER);
        tx.inTransaction(() -> {
            var invoice = invoices.lock(id).orElseThrow(() -> new NotFoundException("invoice", id.value()));
            if (!invoice.getStatus().isIssued()) {
                throw new ConflictException("invoice.draft", "A draft has no PIN: it gets one when it is issued");
            }
            var now = clock.instant();
            renewal.renew(invoice, actor.auditName(), now);
            audit.record(AuditEvent.of(actor, now, "invoice", id, "pin-reset", Map.of(), Map.of("number", invoice.getNumber()), null));
            return null;
        });
    }

    /** Whether the document's customer's copy is still being rendered (the caller may answer 202). */
    public boolean copyPending(InvoiceId id) {
        return tx.readOnly(() -> jobs.customerCopyPending(id));
    }
}
