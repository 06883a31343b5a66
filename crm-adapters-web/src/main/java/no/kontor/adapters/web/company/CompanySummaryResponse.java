package no.kontor.adapters.web.company;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import no.kontor.domain.company.CompanyStatus;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompanySummaryResponse(long id, String name, @Nullable String organisationNumber, CompanyStatus status,
                                     @Nullable String postalPlace, @Nullable Long responsibleSellerId, long version) {
}
