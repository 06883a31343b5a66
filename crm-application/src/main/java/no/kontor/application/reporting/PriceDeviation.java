package no.kontor.application.reporting;

import java.time.LocalDate;

/** An invoice line billed at a price other than the placement's price list on the day ({@code listPrice}) or the sale's line ({@code agreedPrice}); øre per unit. */
public record PriceDeviation(long invoiceId, long invoiceNumber, LocalDate issueDate, int lineNo, long saleId, String description,
                      Long placementId, String placementName, long invoicedPrice, Long listPrice, Long agreedPrice) {
}
