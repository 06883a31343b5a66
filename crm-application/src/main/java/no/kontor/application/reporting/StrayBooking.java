package no.kontor.application.reporting;

import java.time.LocalDate;

/** An active booking of a lost or cancelled sale. */
public record StrayBooking(long bookingId, long placementId, String placementName, long saleId, String saleStage, LocalDate firstDay,
                    LocalDate lastDay, String status) {
}
