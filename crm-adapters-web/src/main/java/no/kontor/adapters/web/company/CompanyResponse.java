package no.kontor.adapters.web.company;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import no.kontor.domain.company.CompanyStatus;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompanyResponse(long id, String name, @Nullable String organisationNumber, CompanyStatus status,
                              @Nullable AddressResponse visitingAddress, @Nullable AddressResponse postalAddress,
                              @Nullable String invoiceEmail, @Nullable String phone, @Nullable String website,
                              @Nullable Long responsibleSellerId, @Nullable String responsibleSellerName,
                              @Nullable String notes, String createdBy, OffsetDateTime createdAt,
                              String changedBy, OffsetDateTime changedAt, long version) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AddressResponse(@Nullable String street, @Nullable String postalCode, @Nullable String place) {
    }
}
