package no.kontor.application.sale;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactDetails;
import no.kontor.domain.identity.Actor;

/**
 * Who placed an order: the company found by its organisation number, else by a contact
 * with the form's e-mail address, else registered; its contact found by e-mail, whatever
 * the case, else added. What it creates it adds to the order's audit events.
 */
final class OrderCustomer {
    private final Companies companies;
    private final Contacts contacts;

    OrderCustomer(Companies companies, Contacts contacts) {
        this.companies = companies;
        this.contacts = contacts;
    }

    Company company(CompanyDetails company, ContactDetails contact, Actor actor, Instant now, List<AuditEvent> events) {
        var found = known(company, contact);
        if (found.isPresent()) {
            return found.get();
        }
        var added = companies.add(Company.register(company, actor.auditName(), now));
        events.add(AuditEvent.created(actor, now, "company", added.getId(), added.auditFields()));
        return added;
    }

    Contact contact(CompanyId companyId, ContactDetails contact, Actor actor, Instant now, List<AuditEvent> events) {
        var found = contacts.ofCompany(companyId).stream()
                .filter(k -> k.getDetails().email() != null && k.getDetails().email().value().equalsIgnoreCase(contact.email().value()))
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        var added = contacts.add(Contact.add(companyId, contact, actor.auditName(), now));
        events.add(AuditEvent.of(actor, now, "contact", added.getId(), "created", Map.of(), added.auditFields(),
                new AuditEvent.PersonalData(added.getId().dataSubject(), Contact.PERSONAL_FIELDS)));
        return added;
    }

    private Optional<Company> known(CompanyDetails company, ContactDetails contact) {
        if (company.organisationNumber() != null) {
            return companies.findByOrganisationNumber(company.organisationNumber()).flatMap(companies::find);
        }
        return contacts.firstWithEmail(contact.email()).flatMap(found -> companies.find(found.getCompanyId()));
    }
}
