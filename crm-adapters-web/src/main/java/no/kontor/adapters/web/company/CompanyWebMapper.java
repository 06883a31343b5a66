package no.kontor.adapters.web.company;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.adapters.web.shared.Times;
import no.kontor.application.company.CompanyCard;
import no.kontor.application.company.CompanyInput;
import no.kontor.application.company.CompanySummary;

@Mapper
public interface CompanyWebMapper {

    @Mapping(target = "visitingStreet", source = "visitingAddress.street")
    @Mapping(target = "visitingPostalCode", source = "visitingAddress.postalCode")
    @Mapping(target = "postalStreet", source = "postalAddress.street")
    @Mapping(target = "postalPostalCode", source = "postalAddress.postalCode")
    CompanyInput toInput(CompanyRequest request);

    CompanyResponse toResponse(CompanyCard card);

    CompanySummaryResponse toResponse(CompanySummary summary);

    default OffsetDateTime time(Instant instant) {
        return Times.oslo(instant);
    }
}
