package no.kontor.adapters.persistence.company;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

@MappedEntity("company")
public record CompanyEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        String name,
        @Nullable String organisationNumber,
        String status,
        @Nullable String visitingStreet,
        @Nullable String visitingPostalCode,
        @Nullable String postalStreet,
        @Nullable String postalPostalCode,
        @Nullable String invoiceEmail,
        @Nullable String phone,
        @Nullable String website,
        @Nullable Long responsibleSellerId,
        @Nullable String notes,
        String createdBy,
        Instant createdAt,
        String changedBy,
        Instant changedAt,
        @Version Long version) {
}
