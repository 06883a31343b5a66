package no.kontor.application.payment;

import java.time.Instant;

/**
 * What an import did: transactions in the file; payments booked against invoices;
 * payments no invoice matched (the unmatched list); reversals kept but not booked;
 * transactions registered before (by an earlier file) and skipped.
 */
public record OcrImportReport(long importId, String transmissionNumber, int transactions, int applied, int unmatched, int reversals,
                    int duplicates, long appliedAmount, String importedBy, Instant importedAt) {
}
