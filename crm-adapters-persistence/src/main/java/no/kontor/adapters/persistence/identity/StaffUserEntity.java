package no.kontor.adapters.persistence.identity;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

@MappedEntity("staff_user")
public record StaffUserEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        String username,
        String displayName,
        @Nullable String email,
        String passwordHash,
        String role,
        @Nullable String team,
        boolean active,
        Instant createdAt,
        Instant changedAt,
        @Version Long version,
        long tokenVersion) {
}
