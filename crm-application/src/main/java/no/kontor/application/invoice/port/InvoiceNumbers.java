package no.kontor.application.invoice.port;

/**
 * The one unbroken series shared by invoices and credit notes. {@link #next()} takes
 * a number inside the caller's transaction and holds the series until it ends: a
 * rollback gives the number back, so no number is skipped and none is used twice.
 */
public interface InvoiceNumbers {
    long next();
}
