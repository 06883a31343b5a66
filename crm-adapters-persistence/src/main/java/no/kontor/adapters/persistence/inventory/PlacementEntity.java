package no.kontor.adapters.persistence.inventory;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

@MappedEntity("placement")
public record PlacementEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        String name,
        @Nullable String description,
        @Nullable String channel,
        String unit,
        boolean active,
        Instant createdAt,
        Instant changedAt,
        @Version Long version) {
}
