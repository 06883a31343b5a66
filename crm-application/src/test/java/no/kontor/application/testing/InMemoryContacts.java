package no.kontor.application.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import no.kontor.application.audit.port.PersonalDataKeys;
import no.kontor.application.company.port.Contacts;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.shared.Page;

/** Contacts in memory, and the per-person keys a forgetting deletes. */
public final class InMemoryContacts extends InMemoryStore<Contact> implements Contacts, PersonalDataKeys {
    public final Set<String> forgottenSubjects = ConcurrentHashMap.newKeySet();

    @Override
    public Contact add(Contact contact) {
        synchronized (rows) {
            var stored = contact.withId(new ContactId(nextId()));
            rows.put(stored.getId().value(), stored);
            return stored;
        }
    }

    @Override
    public Optional<Contact> find(ContactId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value()));
        }
    }

    @Override
    public Contact update(Contact c) {
        synchronized (rows) {
            var current = rows.get(c.getId().value());
            if (current == null || current.getVersion() != c.getVersion()) {
                throw new StaleVersionException("contact", c.getId(), c.getVersion());
            }
            var stored = new Contact(c.getId(), c.getCompanyId(), c.getDetails(), c.isForgotten(), c.getCreatedBy(),
                    c.getCreatedAt(), c.getChangedBy(), c.getChangedAt(), c.getVersion() + 1);
            rows.put(stored.getId().value(), stored);
            return stored;
        }
    }

    @Override
    public List<Contact> ofCompany(CompanyId companyId) {
        synchronized (rows) {
            return rows.values().stream().filter(c -> c.getCompanyId().equals(companyId))
                    .sorted(Comparator.comparing(c -> c.getDetails().name())).toList();
        }
    }

    @Override
    public Page<Contact> ofCompany(CompanyId companyId, String cursor, int limit) {
        synchronized (rows) {
            return InMemoryPages.ascending("contacts", rows.values().stream().filter(c -> c.getCompanyId().equals(companyId)).toList(),
                    c -> List.of(c.getDetails().name(), c.getId().value()), cursor, limit);
        }
    }

    @Override
    public boolean forget(String subject) {
        return forgottenSubjects.add(subject);
    }

    @Override
    public java.util.Optional<Contact> firstWithEmail(no.kontor.domain.shared.EmailAddress email) {
        synchronized (rows) {
            return rows.values().stream().filter(c -> !c.isForgotten() && c.getDetails().email() != null
                    && email.value().equalsIgnoreCase(c.getDetails().email().value())).findFirst();
        }
    }
}
