package no.kontor.application.invoice.port;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import no.kontor.domain.invoice.InvoiceId;
import no.kontor.application.shared.Page;
import no.kontor.application.invoice.InvoiceJobKind;
import no.kontor.application.invoice.InvoiceJobStatus;

/**
 * Work that follows a commit (an outbox): written in the same transaction as what
 * caused it, so a crash or an outage delays it and never loses it; claimed by one
 * worker at a time, on any node, with a lease (docs/architecture.md#outbox).
 */
public interface InvoiceJobs {

    /**
     * Render and archive the PDF of an issued document (without the PIN), and its customer's
     * copy (with it); the PIN is kept, sealed, only until the copy is rendered.
     */
    void render(InvoiceId id, String pin, String requestedBy);

    /** Render the customer's copy of an issued document with a new PIN, sealed until then. */
    void renderCustomerCopy(InvoiceId id, String pin, String requestedBy);

    /** Whether a render of the document's customer's copy (either kind) is still waiting or running. */
    boolean customerCopyPending(InvoiceId id);

    /** E-mail the archived PDF (and the EHF document when {@code withEhf}) to {@code recipient}; returns the job's id. */
    long send(InvoiceId id, String recipient, boolean withEhf, String requestedBy);

    /** E-mail reminder {@code reminderId} of the invoice, its PDF attached, to {@code recipient}; returns the job's id. */
    long sendReminder(InvoiceId id, long reminderId, String recipient, String requestedBy);

    /**
     * Claims the oldest due job for {@code lease}, in its own short transaction: no
     * other worker takes it until the lease runs out (a worker that dies gives it up).
     */
    Optional<Job> claim(Duration lease);

    /** The job's work is done: it is never run again, and its sealed PIN is removed. */
    void done(long jobId);

    /** The job failed for now; it is due again after {@code delay}. */
    void retryLater(long jobId, Duration delay, String error);

    /**
     * The job cannot start yet (a send waiting for its PDF): due again after {@code delay},
     * and this claim does not count as an attempt.
     */
    void postpone(long jobId, Duration delay, String why);

    /**
     * Why the invoice's PDF will not come unless someone acts: the last error of its render
     * job that failed, when none is still waiting or running; empty otherwise.
     */
    Optional<String> failedRender(InvoiceId id);

    /** The job can never succeed (a recipient refused for good); it stays visible with its reason. */
    void failed(long jobId, String error);

    /** The jobs of one invoice, newest first: what was sent, and what is still waiting. */
    List<InvoiceJobStatus> of(InvoiceId id);

    /** The jobs of an invoice, newest first, a page after {@code cursor} (null: the first). */
    Page<InvoiceJobStatus> of(InvoiceId id, String cursor, int limit);

    /**
     * A claimed job; {@code pin} is the render job's PIN, unsealed; {@code attempts} counts
     * this one. {@code defect} says why the job as stored can never be run (its sealed PIN
     * cannot be opened, e.g. under a rotated key), else it is null.
     */
    record Job(long id, InvoiceJobKind kind, InvoiceId invoiceId, String pin, String recipient, boolean withEhf, Long reminderId, int attempts,
               String requestedBy, String defect) {
    }

}
