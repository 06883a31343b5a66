/**
 * Invoices and credit notes: a draft built from ordered sales, issued once into an
 * unbroken number series with a KID, and never changed afterwards; corrections are
 * credit notes that take the next number of the same series (docs/norway.md#invoice-content,
 * docs/decisions/invoice-series.md). Payments move an issued invoice's status, never its content.
 */
package no.kontor.domain.invoice;
