package no.kontor.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two roundings every Kontor document uses (docs/norway.md#amounts-and-rounding): a line's net, and the
 * VAT on the sum of one rate's line nets (EN 16931 BR-CO-17). Money is whole øre in a
 * {@code long}; rounding is half-up, once.
 */
public final class Amounts {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {
    }

    /** Quantity × unit price × (1 − discount %), rounded half-up to whole øre. */
    public static long lineNet(BigDecimal quantity, long unitPrice, BigDecimal discountPercent) {
        return quantity.multiply(BigDecimal.valueOf(unitPrice))
                .multiply(HUNDRED.subtract(discountPercent))
                .divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code percent} of {@code taxable} øre, rounded half-up to whole øre. */
    public static long vatOn(long taxable, BigDecimal percent) {
        return BigDecimal.valueOf(taxable).multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }
}
