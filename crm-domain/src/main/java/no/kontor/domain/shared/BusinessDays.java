package no.kontor.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are Norwegian dates: "today", "in the past" and due dates are in Europe/Oslo. */
public final class BusinessDays {
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private BusinessDays() {
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
