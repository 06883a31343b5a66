package no.kontor.adapters.persistence.invoice;

import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A reminder as sent; insert-only for the application role. */
@MappedEntity("invoice_reminder")
public record ReminderEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long invoiceId,
        int number,
        LocalDate sentOn,
        LocalDate payBy,
        long principal,
        long fee,
        long interest,
        String sentBy,
        Instant sentAt) {
}
