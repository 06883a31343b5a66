package no.kontor.adapters.persistence.sale;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

@MappedEntity("sale")
public record SaleEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long companyId,
        @Nullable Long responsibleSellerId,
        String stage,
        @Nullable String stageReason,
        boolean barter,
        @Nullable String description,
        @Nullable Long invoiceId,
        String createdBy,
        Instant createdAt,
        String changedBy,
        Instant changedAt,
        @Version Long version) {
}
