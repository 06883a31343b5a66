package no.kontor.application.reporting;

/** An ordered sale on no invoice, with when it became ordered. */
public record UninvoicedOrder(long saleId, long companyId, String companyName, Long responsibleSellerId, java.time.Instant orderedAt,
                       String description) {
}
