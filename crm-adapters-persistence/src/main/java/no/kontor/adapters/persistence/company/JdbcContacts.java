package no.kontor.adapters.persistence.company;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.application.company.Contacts;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.EmailAddress;

@Singleton
public class JdbcContacts implements Contacts {
    private final ContactRepository repository;
    private final ContactEntityMapper mapper;

    public JdbcContacts(ContactRepository repository, ContactEntityMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public Contact add(Contact contact) {
        return mapper.toDomain(repository.save(mapper.toEntity(contact)));
    }

    @Override
    public Optional<Contact> find(ContactId id) {
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    @Override
    public Contact update(Contact contact) {
        return VersionedUpdate.run("contact", contact.getId(), contact.getVersion(),
                () -> mapper.toDomain(repository.update(mapper.toEntity(contact))));
    }

    @Override
    public List<Contact> ofCompany(CompanyId companyId) {
        return repository.findByCompanyIdOrderByName(companyId.value()).stream().map(mapper::toDomain).toList();
    }

    @Override
    public Optional<Contact> firstWithEmail(EmailAddress email) {
        return repository.firstWithEmail(email.value()).map(mapper::toDomain);
    }
}
