package no.kontor.application.reporting;

import java.time.LocalDate;

/** A credit note with the invoice it credits, its amount (positive øre, VAT included) and its stated reason. */
public record CreditNoteRow(long creditNoteId, long number, LocalDate issueDate, long creditedInvoiceId, long creditedInvoiceNumber,
                     long companyId, String buyerName, long gross, String reason, String issuedBy) {
}
