package no.kontor.adapters.web.testing;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.company.ManageContacts;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryContacts;

@Factory
public class ContactTestFactory {

    @Singleton
    InMemoryContacts contacts(DirectTransactions tx) {
        var contacts = new InMemoryContacts();
        tx.register(contacts);
        return contacts;
    }

    @Singleton
    ManageContacts manageContacts(InMemoryCompanies companies, InMemoryContacts contacts, InMemoryAuditTrail audit,
                                  DirectTransactions tx, Clock clock) {
        return new ManageContacts(companies, contacts, audit, contacts, tx, clock);
    }
}
