package no.kontor.adapters.persistence.inventory;

import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/** The row without its period: the database derives that range from the two days. */
@MappedEntity("booking")
public record BookingEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long placementId,
        Long saleId,
        LocalDate firstDay,
        LocalDate lastDay,
        String status,
        String createdBy,
        Instant createdAt,
        String changedBy,
        Instant changedAt,
        @Version Long version) {
}
