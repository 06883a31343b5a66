package no.kontor.application.invoice;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.invoice.port.CustomerCopies;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.Invoices;

/**
 * A seller asks for an issued invoice or credit note to be e-mailed to the company's
 * invoice address, the EHF document attached as well when asked — only when the
 * document is an EHF document (the buyer has an org number). The request is written
 * to the outbox in this transaction; the worker sends it once the PDF is archived. The
 * mail carries the customer's copy with the PIN; when that copy was delivered or expired
 * already, the document gets a new PIN and a new copy (the old PIN is never kept to print
 * again), and the mail waits for it.
 */
public final class SendInvoice {
    private final Invoices invoices;
    private final Companies companies;
    private final InvoiceJobs jobs;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final CustomerCopies copies;
    private final PinRenewal renewal;

    public SendInvoice(Invoices invoices, Companies companies, InvoiceJobs jobs, CustomerCopies copies, CustomerPins pins, IdempotencyKeys keys,
                       AuditTrail audit, Transactions tx, Clock clock) {
        this.copies = copies;
        this.renewal = new PinRenewal(invoices, pins, jobs);
        this.invoices = invoices;
        this.companies = companies;
        this.jobs = jobs;
        this.keys = keys;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Queued(long jobId, String recipient, boolean withEhf) {
    }

    /** @param idempotencyKey optional: a retry with the same key queues nothing new and answers with the first request's job */
    public Queued execute(Actor actor, InvoiceId id, boolean withEhf, String idempotencyKey) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            if (idempotencyKey != null) {
                var earlier = keys.earlierOutcome(actor.auditName(), idempotencyKey, "send:" + id.value() + ":" + withEhf,
                        IssueInvoice.KEY_KEPT_FOR, clock.instant(), "This Idempotency-Key was used for another request");
                if (earlier.isPresent()) {
                    long job = Long.parseLong(earlier.get());
                    var queued = jobs.of(id).stream().filter(j -> j.id() == job).findFirst().orElseThrow();
                    return new Queued(job, queued.recipient(), queued.withEhf());
                }
            }
            var invoice = invoices.lock(id).orElseThrow(() -> new NotFoundException("invoice", id));
            if (!invoice.getStatus().isIssued()) {
                throw new ConflictException("invoice.draft", "A draft is not sent: issue it first");
            }
            if (withEhf && !invoice.getBuyer().receivesEhf()) {
                throw new ConflictException("invoice.not-ehf", "The buyer has no org number, so this document is not an EHF document");
            }
            String to = InvoiceAddress.of(companies, invoice);
            boolean newPin = !copies.exists(id) && !jobs.customerCopyPending(id);
            if (newPin) {
                renewal.renew(invoice, actor.auditName(), clock.instant());
            }
            long job = jobs.send(id, to, withEhf, actor.auditName());
            if (idempotencyKey != null) {
                keys.complete(actor.auditName(), idempotencyKey, Long.toString(job));
            }
            audit.record(AuditEvent.of(actor, clock.instant(), "invoice", id, "send-requested", Map.of(),
                    Map.of("jobId", job, "to", to, "withEhf", withEhf, "newPin", newPin), null));
            return new Queued(job, to, withEhf);
        });
    }
}
