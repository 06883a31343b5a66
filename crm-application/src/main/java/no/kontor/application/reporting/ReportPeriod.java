package no.kontor.application.reporting;

import java.time.Instant;
import java.time.LocalDate;

import no.kontor.domain.shared.BusinessDays;

import no.kontor.domain.shared.ValidationException;
import no.kontor.domain.shared.Validator;

/** A report's period: both days given (Europe/Oslo dates, both included), in order, at most a year. */
public final class ReportPeriod {
    static final int MAX_DAYS = 366;

    private ReportPeriod() {
    }

    /** The first instant of {@code day} in Europe/Oslo (a period's start; a DST day is 23 or 25 hours long). */
    static Instant start(LocalDate day) {
        return day.atStartOfDay(BusinessDays.ZONE).toInstant();
    }

    /** The first instant after {@code day} in Europe/Oslo (a period's exclusive end). */
    static Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }

    public static void check(LocalDate from, LocalDate to) {
        new Validator()
                .require(from != null, "from", "report.from-missing", "A report needs its first day (from)")
                .require(to != null, "to", "report.to-missing", "A report needs its last day (to)")
                .throwIfInvalid();
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
            throw new ValidationException("to", "report.period-invalid", "A report covers 1–" + MAX_DAYS + " days from its first day");
        }
    }
}
