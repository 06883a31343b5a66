package no.kontor.adapters.web.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Instants leave the API as ISO-8601 with the Oslo offset of that moment. */
public final class Times {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private Times() {
    }

    public static OffsetDateTime oslo(Instant instant) {
        return instant == null ? null : instant.atZone(OSLO).toOffsetDateTime();
    }
}
