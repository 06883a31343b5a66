package no.kontor.application.invoice.port;

import no.kontor.domain.invoice.Reminder;
import no.kontor.application.invoice.Giro;

/**
 * Renders the printable invoice from its frozen document: the PEPPOL BIS Billing 3.0
 * UBL (an Invoice or a CreditNote), never from live data, so the PDF shows exactly
 * what was issued. The result is PDF/A-2b.
 */
public interface InvoicePdfs {

    /**
     * @param ubl the UBL 2.1 Invoice or CreditNote, as stored when it was issued
     * @param pin the customer's My page PIN, printed on the invoice; null prints none
     * @throws IllegalArgumentException when {@code ubl} is not a document it can render
     */
    byte[] render(String ubl, String pin, Giro giro);

    /**
     * A reminder (purring) of the invoice in {@code ubl}: the invoice's number, KID and
     * account, the reminder's number and date, what is due with the fee and interest,
     * the new date to pay by, and the giro for the reminder's total.
     */
    byte[] renderReminder(String ubl, Reminder reminder);
}
