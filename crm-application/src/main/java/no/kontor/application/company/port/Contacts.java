package no.kontor.application.company.port;

import java.util.List;
import java.util.Optional;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.EmailAddress;
import no.kontor.application.shared.Page;

/** The store of contact persons. */
public interface Contacts {

    Contact add(Contact contact);

    Optional<Contact> find(ContactId id);

    /** Writes a changed contact at the version it was read at, else {@code StaleVersionException}. */
    Contact update(Contact contact);

    /** The contact added first with this e-mail address, in any company (the order form finds a company by it). */
    Optional<Contact> firstWithEmail(EmailAddress email);

    /** A company's contacts by name (a company has few). */
    List<Contact> ofCompany(CompanyId companyId);

    /** A company's contacts by name, a page after {@code cursor} (null: the first). */
    Page<Contact> ofCompany(CompanyId companyId, String cursor, int limit);
}
