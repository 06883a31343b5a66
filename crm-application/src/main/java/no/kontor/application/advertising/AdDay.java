package no.kontor.application.advertising;

import java.time.LocalDate;

/** The ad server's figures of one booking on one day. */
public record AdDay(long bookingId, LocalDate day, long impressions, long clicks) {
}
