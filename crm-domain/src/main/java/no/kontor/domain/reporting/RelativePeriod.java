package no.kontor.domain.reporting;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * A period named relative to today (Europe/Oslo), so a saved dashboard shows the current
 * figures whenever it is opened.
 */
public enum RelativePeriod {
    TODAY, LAST_7_DAYS, LAST_30_DAYS, THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR, LAST_365_DAYS;

    /** The first and last day (both included) of this period seen from {@code today}. */
    public LocalDate[] on(LocalDate today) {
        return switch (this) {
            case TODAY -> new LocalDate[] {today, today};
            case LAST_7_DAYS -> new LocalDate[] {today.minusDays(6), today};
            case LAST_30_DAYS -> new LocalDate[] {today.minusDays(29), today};
            case THIS_MONTH -> new LocalDate[] {today.withDayOfMonth(1), today};
            case LAST_MONTH -> {
                var first = today.withDayOfMonth(1).minusMonths(1);
                yield new LocalDate[] {first, first.plusMonths(1).minusDays(1)};
            }
            case THIS_QUARTER -> new LocalDate[] {today.with(IsoFields.DAY_OF_QUARTER, 1), today};
            case THIS_YEAR -> new LocalDate[] {today.withDayOfYear(1), today};
            case LAST_365_DAYS -> new LocalDate[] {today.minusDays(364), today};
        };
    }
}
