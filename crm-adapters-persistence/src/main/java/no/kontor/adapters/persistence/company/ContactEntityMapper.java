package no.kontor.adapters.persistence.company;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactDetails;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.EmailAddress;
import no.kontor.domain.shared.PhoneNumber;

@Mapper
public interface ContactEntityMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "companyId", source = "companyId.value")
    @Mapping(target = "name", source = "details.name")
    @Mapping(target = "title", source = "details.title")
    @Mapping(target = "email", source = "details.email.value")
    @Mapping(target = "phone", source = "details.phone.value")
    @Mapping(target = "unsubscribed", source = "details.unsubscribed")
    ContactEntity toEntity(Contact contact);

    @Mapping(target = "details", source = ".")
    Contact toDomain(ContactEntity entity);

    default ContactDetails details(ContactEntity e) {
        return new ContactDetails(e.name(), e.title(), e.email() == null ? null : new EmailAddress(e.email()),
                e.phone() == null ? null : new PhoneNumber(e.phone()), e.unsubscribed());
    }

    default ContactId contactId(Long id) {
        return id == null ? null : new ContactId(id);
    }

    default CompanyId companyId(Long id) {
        return new CompanyId(id);
    }
}
