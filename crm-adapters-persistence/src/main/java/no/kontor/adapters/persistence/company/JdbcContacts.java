package no.kontor.adapters.persistence.company;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.application.company.port.Contacts;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.EmailAddress;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.shared.Page;

@Singleton
public class JdbcContacts implements Contacts {
    private final ContactRepository repository;
    private static final Keyset BY_NAME = Keyset.ascending("contacts", Keyset.key("name", Keyset.Type.TEXT),
            Keyset.key("id", Keyset.Type.LONG));

    private final ContactEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcContacts(ContactRepository repository, ContactEntityMapper mapper, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
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
    public Page<Contact> ofCompany(CompanyId companyId, String cursor, int limit) {
        var ids = BY_NAME.page(jdbc, "SELECT id, name FROM contact WHERE company_id = ?", List.of(companyId.value()), cursor, limit,
                rs -> rs.getLong("id"));
        return Keyset.load(ids, wanted -> Keyset.inOrderOf(wanted, repository.findByIdIn(wanted), ContactEntity::id).stream()
                .map(mapper::toDomain).toList());
    }

    @Override
    public Optional<Contact> firstWithEmail(EmailAddress email) {
        return repository.firstWithEmail(email.value()).map(mapper::toDomain);
    }
}
