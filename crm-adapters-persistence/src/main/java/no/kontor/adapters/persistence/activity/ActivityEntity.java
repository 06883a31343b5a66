package no.kontor.adapters.persistence.activity;

import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;

@MappedEntity("activity")
public record ActivityEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long companyId,
        String kind,
        String direction,
        Instant occurredAt,
        String actor,
        @Nullable Long staffUserId,
        @Nullable Long contactId,
        String subject,
        @Nullable @MappedProperty("body") String text,
        @Nullable LocalDate followUpDue,
        @Nullable String followUpStage,
        @Nullable Long followUpAssigneeId,
        @Nullable String campaign,
        Instant createdAt,
        Instant changedAt,
        @Version Long version) {
}
