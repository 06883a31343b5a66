package no.kontor.application.invoice;

import no.kontor.domain.invoice.InvoiceId;

/**
 * Work that follows a commit, written in the same transaction as what caused it (an
 * outbox), so a crash or an outage delays it and never loses it.
 */
public interface InvoiceJobs {

    /** Render and archive the PDF of an issued document; the PIN is kept only until it is printed. */
    void render(InvoiceId id, String pin);
}
