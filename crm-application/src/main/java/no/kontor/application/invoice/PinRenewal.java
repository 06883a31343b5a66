package no.kontor.application.invoice;

import java.time.Instant;

import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.domain.invoice.Invoice;

/**
 * A new PIN for an issued document, in the caller's transaction: its hash replaces the old
 * one (so every My page session opened with the old PIN ends at its next request), and the
 * outbox renders the customer's copy that prints it. The PIN is never kept in clear.
 */
final class PinRenewal {
    private final Invoices invoices;
    private final CustomerPins pins;
    private final InvoiceJobs jobs;

    PinRenewal(Invoices invoices, CustomerPins pins, InvoiceJobs jobs) {
        this.invoices = invoices;
        this.pins = pins;
        this.jobs = jobs;
    }

    void renew(Invoice issued, String actor, Instant now) {
        String pin = pins.newPin();
        invoices.replacePin(issued.getId(), pins.hash(issued.getNumber(), pin), actor, now);
        jobs.renderCustomerCopy(issued.getId(), pin, actor);
    }
}
