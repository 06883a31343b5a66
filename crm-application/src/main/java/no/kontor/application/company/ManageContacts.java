package no.kontor.application.company;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.audit.port.PersonalDataKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.Paging;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;

/**
 * Sellers add, change and read a company's contact persons; an admin forgets one.
 * Every audit entry of a contact seals its personal fields with that person's key.
 */
public final class ManageContacts {
    private final Companies companies;
    private final Contacts contacts;
    private final AuditTrail audit;
    private final PersonalDataKeys keys;
    private final Transactions tx;
    private final Clock clock;

    public ManageContacts(Companies companies, Contacts contacts, AuditTrail audit, PersonalDataKeys keys,
                          Transactions tx, Clock clock) {
        this.companies = companies;
        this.contacts = contacts;
        this.audit = audit;
        this.keys = keys;
        this.tx = tx;
        this.clock = clock;
    }

    public Contact add(Actor actor, CompanyId companyId, ContactInput input) {
        actor.require(Role.SELLER);
        var details = input.toDetails();
        return tx.inTransaction(() -> {
            companies.find(companyId).orElseThrow(() -> new NotFoundException("company", companyId));
            var stored = contacts.add(Contact.add(companyId, details, actor.auditName(), clock.instant()));
            record(actor, stored, "created", Map.of(), stored.auditFields());
            return stored;
        });
    }

    public Contact change(Actor actor, ContactId id, long expectedVersion, ContactInput input) {
        actor.require(Role.SELLER);
        var details = input.toDetails();
        return tx.inTransaction(() -> {
            var current = current(id, expectedVersion);
            if (current.getDetails().equals(details)) {
                return current;
            }
            var changed = contacts.update(current.changeTo(details, actor.auditName(), clock.instant()));
            record(actor, changed, "changed", current.auditFields(), changed.auditFields());
            return changed;
        });
    }

    public Contact view(Actor actor, ContactId id) {
        actor.require(Role.SELLER);
        return contacts.find(id).orElseThrow(() -> new NotFoundException("contact", id));
    }

    public Page<Contact> ofCompany(Actor actor, CompanyId companyId, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        return tx.readOnly(() -> {
            companies.find(companyId).orElseThrow(() -> new NotFoundException("company", companyId));
            return contacts.ofCompany(companyId, cursor, limit);
        });
    }

    /**
     * An admin forgets a person: the personal fields are replaced for good, the
     * person's key is deleted (their earlier audit entries can no longer be read),
     * and the act itself is audited without any personal value. Issued documents
     * keep the buyer as issued (bokføringsloven).
     */
    public Contact forget(Actor actor, ContactId id) {
        actor.require(Role.ADMIN);
        return tx.inTransaction(() -> {
            var current = contacts.find(id).orElseThrow(() -> new NotFoundException("contact", id));
            var forgotten = contacts.update(current.forget(actor.auditName(), clock.instant()));
            keys.forget(id.dataSubject());
            audit.record(AuditEvent.of(actor, clock.instant(), "contact", id, "forgotten",
                    Map.of("forgotten", false), Map.of("forgotten", true), null));
            return forgotten;
        });
    }

    private Contact current(ContactId id, long expectedVersion) {
        var current = contacts.find(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (current.getVersion() != expectedVersion) {
            throw new StaleVersionException("contact", id, expectedVersion);
        }
        return current;
    }

    private void record(Actor actor, Contact contact, String action, Map<String, ?> before, Map<String, ?> after) {
        audit.record(AuditEvent.of(actor, clock.instant(), "contact", contact.getId(), action, before, after,
                new AuditEvent.PersonalData(contact.getId().dataSubject(), Contact.PERSONAL_FIELDS)));
    }
}
