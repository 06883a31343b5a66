package no.kontor.adapters.persistence.sale;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of the stage history; insert-only for the application role. */
@MappedEntity("sale_stage_change")
public record SaleStageChangeEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long saleId,
        @Nullable String fromStage,
        String toStage,
        @Nullable String reason,
        String changedBy,
        Instant changedAt) {
}
