package no.kontor.adapters.persistence.payment;

import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A payment as kept; the application role may only set a missing invoice (V9). */
@MappedEntity("payment")
public record PaymentEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        @Nullable Long invoiceId,
        String kind,
        String source,
        long amount,
        LocalDate paidOn,
        @Nullable String kid,
        @Nullable String bankReference,
        @Nullable String ocrAgreementId,
        @Nullable String ocrAssignmentNumber,
        @Nullable String ocrTransactionNumber,
        @Nullable Long importId,
        String registeredBy,
        Instant registeredAt) {
}
