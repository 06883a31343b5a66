package no.kontor.adapters.persistence.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("time_entry")
public record TimeEntryEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long saleId,
        long staffUserId,
        LocalDate workDate,
        BigDecimal hours,
        String description,
        Long lineId,
        Instant createdAt) {
}
