package no.kontor.domain.inventory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import no.kontor.domain.shared.ValidationException;

/** Inclusive first and last days, as people say them ("1–7 March"). */
public record Period(LocalDate firstDay, LocalDate lastDay) {
    public static final int MAX_DAYS = 3 * 366;

    public Period {
        if (firstDay == null || lastDay == null) {
            throw new ValidationException(firstDay == null ? "firstDay" : "lastDay", "period.day-missing",
                    "A period needs its first and last day");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new ValidationException("lastDay", "period.reversed", "The last day " + lastDay + " is before the first day " + firstDay);
        }
        if (ChronoUnit.DAYS.between(firstDay, lastDay) >= MAX_DAYS) {
            throw new ValidationException("lastDay", "period.too-long", "A period is at most " + MAX_DAYS + " days");
        }
    }

    /** True when the two periods share at least one day. */
    /** Whether {@code day} is one of the period's days (first and last included). */
    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public boolean overlaps(Period other) {
        Objects.requireNonNull(other, "other");
        return !firstDay.isAfter(other.lastDay) && !other.firstDay.isAfter(lastDay);
    }

    public long days() {
        return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }
}
