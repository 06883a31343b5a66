package no.kontor.domain.payment;

import java.util.function.LongUnaryOperator;

/**
 * How the total of an 88 or 89 counts an amount signed {@code -} (a credit). Sources
 * differ (docs/norway.md#ocr-file): Nets' Norwegian example deducts it, others add it as if it had
 * no sign. A file is accepted under either reading, provided all its totals agree on one.
 */
enum TotalsReading {
    DEDUCTED("with '-' amounts deducted", amountOre -> amountOre),
    ADDED("with '-' amounts added", Math::abs);

    private final String description;
    private final LongUnaryOperator contribution;

    TotalsReading(String description, LongUnaryOperator contribution) {
        this.description = description;
        this.contribution = contribution;
    }

    /** What a transaction's signed amount adds to a total under this reading. */
    long contribution(long amountOre) {
        return contribution.applyAsLong(amountOre);
    }

    String description() {
        return description;
    }
}
