package no.kontor.application.advertising;

import no.kontor.domain.inventory.Period;

/** A booking's days and its impressions and clicks in all. */
public record BookingAdTotals(long bookingId, long companyId, String placement, Period period, long impressions, long clicks) {
}
