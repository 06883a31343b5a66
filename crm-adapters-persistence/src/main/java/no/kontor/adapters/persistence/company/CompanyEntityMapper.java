package no.kontor.adapters.persistence.company;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.company.Address;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.shared.EmailAddress;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.PhoneNumber;
import no.kontor.domain.shared.PostalCode;
import no.kontor.domain.shared.WebAddress;

/** Customer card ↔ row. The row is flat; the card holds value objects. */
@Mapper
public interface CompanyEntityMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "name", source = "details.name")
    @Mapping(target = "organisationNumber", source = "details.organisationNumber.value")
    @Mapping(target = "status", source = "details.status")
    @Mapping(target = "visitingStreet", source = "details.visitingAddress.street")
    @Mapping(target = "visitingPostalCode", source = "details.visitingAddress.postalCode.value")
    @Mapping(target = "postalStreet", source = "details.postalAddress.street")
    @Mapping(target = "postalPostalCode", source = "details.postalAddress.postalCode.value")
    @Mapping(target = "invoiceEmail", source = "details.invoiceEmail.value")
    @Mapping(target = "phone", source = "details.phone.value")
    @Mapping(target = "website", source = "details.website.value")
    @Mapping(target = "responsibleSellerId", source = "details.responsibleSellerId")
    @Mapping(target = "notes", source = "details.notes")
    CompanyEntity toEntity(Company company);

    @Mapping(target = "details", source = ".")
    Company toDomain(CompanyEntity entity);

    default CompanyDetails details(CompanyEntity e) {
        return new CompanyDetails(e.name(),
                e.organisationNumber() == null ? null : new OrganisationNumber(e.organisationNumber()),
                CompanyStatus.valueOf(e.status()),
                address(e.visitingStreet(), e.visitingPostalCode()),
                address(e.postalStreet(), e.postalPostalCode()),
                e.invoiceEmail() == null ? null : new EmailAddress(e.invoiceEmail()),
                e.phone() == null ? null : new PhoneNumber(e.phone()),
                e.website() == null ? null : new WebAddress(e.website()),
                e.responsibleSellerId(), e.notes());
    }

    default CompanyId companyId(Long id) {
        return id == null ? null : new CompanyId(id);
    }

    private static Address address(String street, String postalCode) {
        return street == null && postalCode == null ? null
                : new Address(street, postalCode == null ? null : new PostalCode(postalCode));
    }
}
