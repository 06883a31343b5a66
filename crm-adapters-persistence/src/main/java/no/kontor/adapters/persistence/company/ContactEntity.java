package no.kontor.adapters.persistence.company;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

@MappedEntity("contact")
public record ContactEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long companyId,
        String name,
        @Nullable String title,
        @Nullable String email,
        @Nullable String phone,
        boolean unsubscribed,
        boolean forgotten,
        String createdBy,
        Instant createdAt,
        String changedBy,
        Instant changedAt,
        @Version Long version) {
}
