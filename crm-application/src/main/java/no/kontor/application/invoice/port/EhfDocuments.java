package no.kontor.application.invoice.port;

import no.kontor.domain.invoice.Invoice;

/**
 * Writes the canonical document of an issued invoice or credit note: PEPPOL BIS
 * Billing 3.0, UBL 2.1. It is frozen with the document when issued; the PDF and the
 * EHF sent later are both this text.
 */
public interface EhfDocuments {

    /**
     * @param credited for a credit note, the invoice it credits (its number and date
     *                 are referenced); null for an invoice
     */
    String write(Invoice issued, Invoice credited);
}
