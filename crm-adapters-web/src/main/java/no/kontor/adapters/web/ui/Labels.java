package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import no.kontor.domain.inventory.Booking;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;

/** The pages' Norwegian words for the domain's names (stages, units, booking states) and how they write days, times and decimals. */
final class Labels {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private Labels() {
    }

    static String stage(SaleStage stage) {
        return stage == null ? "–" : switch (stage) {
            case LEAD -> "Lead";
            case OFFERED -> "Tilbud sendt";
            case ORDERED -> "Bestilt";
            case INVOICED -> "Fakturert";
            case LOST -> "Tapt";
            case CANCELLED -> "Kansellert";
        };
    }

    static String unit(SaleUnit unit) {
        return switch (unit) {
            case PIECE -> "stk";
            case HOUR -> "timer";
            case DAY -> "dager";
            case WEEK -> "uker";
        };
    }

    static String status(Booking.Status status) {
        return switch (status) {
            case RESERVED -> "Reservert";
            case CONFIRMED -> "Bekreftet";
            case CANCELLED -> "Kansellert";
        };
    }

    static String day(LocalDate date) {
        return date == null ? "" : date.format(Pages.NORWEGIAN);
    }

    static String when(Instant at) {
        return at == null ? "" : at.atZone(OSLO).format(WHEN);
    }

    /** A decimal as the pages write it: {@code 2,5}. */
    static String decimal(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

}
