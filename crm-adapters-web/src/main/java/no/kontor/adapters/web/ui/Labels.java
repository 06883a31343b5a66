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


    static String companyStatus(no.kontor.domain.company.CompanyStatus status) {
        return switch (status) {
            case PROSPECT -> "Prospekt";
            case CUSTOMER -> "Kunde";
            case FORMER_CUSTOMER -> "Tidligere kunde";
        };
    }

    static String activity(no.kontor.domain.activity.ActivityKind kind) {
        return switch (kind) {
            case PROSPECT_REGISTERED -> "Registrert som prospekt";
            case EMAIL -> "E-post";
            case PHONE_CALL -> "Telefonsamtale";
            case MEETING -> "Møte";
            case CUSTOMER_FEEDBACK -> "Tilbakemelding";
            case BARTER_AGREEMENT -> "Byttehandel";
            case INCOMING_ORDER -> "Innkommende bestilling";
            case NOTE -> "Notat";
        };
    }

    static String direction(no.kontor.domain.activity.Direction direction) {
        return direction == no.kontor.domain.activity.Direction.OUTBOUND ? "Utgående" : "Inngående";
    }

    static String followUp(no.kontor.domain.activity.FollowUpStage stage) {
        return switch (stage) {
            case TO_DO -> "Å gjøre";
            case IN_PROGRESS -> "Påbegynt";
            case DONE -> "Ferdig";
        };
    }

    static String invoiceStatus(no.kontor.domain.invoice.InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> "Utkast";
            case ISSUED -> "Utstedt";
            case PARTLY_PAID -> "Delvis betalt";
            case PAID -> "Betalt";
            case CREDITED -> "Kreditert";
        };
    }

    static String paymentSource(no.kontor.domain.payment.Payment.Source source) {
        return source == no.kontor.domain.payment.Payment.Source.OCR ? "OCR-fil fra banken" : "Registrert for hånd";
    }
}
