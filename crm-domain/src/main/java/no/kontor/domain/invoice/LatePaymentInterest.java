package no.kontor.domain.invoice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Forsinkelsesrente (docs/norway.md#interest): simple interest from the day after the due date,
 * per day at the yearly rate / 365, each day at the rate of its half-year, rounded
 * half-up to øre once, on the sum.
 */
public final class LatePaymentInterest {
    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LatePaymentInterest() {
    }

    /** Interest in øre on {@code amount} øre unpaid after {@code dueDate}, for the days up to and including {@code until}. */
    public static long on(long amount, LocalDate dueDate, LocalDate until, DatedRates yearlyPercent) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day = dueDate.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
            sum = sum.add(yearlyPercent.on(day));
        }
        return BigDecimal.valueOf(amount).multiply(sum).divide(HUNDRED.multiply(DAYS_A_YEAR), MathContext.DECIMAL128)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
