package no.kontor.application.invoice;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.invoice.port.CustomerCopies;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;

/**
 * Staff fetch the customer's copy (with the PIN) to print and post it: it is handed out once
 * and then removed, as a mailed one is (docs/decisions/pin-handling.md). Audited. When it is
 * gone, a manager's PIN reset makes a new one.
 */
public final class PrintCustomerCopy {
    private final Invoices invoices;
    private final CustomerCopies copies;
    private final InvoiceJobs jobs;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public PrintCustomerCopy(Invoices invoices, CustomerCopies copies, InvoiceJobs jobs, AuditTrail audit, Transactions tx, Clock clock) {
        this.invoices = invoices;
        this.copies = copies;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The copy for {@code giro}, now removed; empty while it is still being rendered. */
    public Optional<byte[]> execute(Actor actor, InvoiceId id, Giro giro) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var invoice = invoices.lock(id).orElseThrow(() -> new NotFoundException("invoice", id.value()));
            if (!invoice.getStatus().isIssued()) {
                throw new ConflictException("invoice.draft", "A draft has no customer's copy: issue it first");
            }
            var copy = copies.find(id, giro);
            if (copy.isEmpty()) {
                if (jobs.customerCopyPending(id)) {
                    return Optional.<byte[]>empty();
                }
                throw new ConflictException("invoice.no-customer-copy", "The customer's copy of invoice " + invoice.getNumber()
                        + " was delivered or has expired; a manager's PIN reset makes a new one");
            }
            copies.remove(id);
            audit.record(AuditEvent.of(actor, clock.instant(), "invoice", id, "customer-copy-printed", Map.of(), Map.of("giro", giro.name()),
                    null));
            return copy;
        });
    }
}
