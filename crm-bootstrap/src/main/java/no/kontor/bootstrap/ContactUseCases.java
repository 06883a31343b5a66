package no.kontor.bootstrap;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.audit.AuditTrail;
import no.kontor.application.audit.PersonalDataKeys;
import no.kontor.application.company.Companies;
import no.kontor.application.company.Contacts;
import no.kontor.application.company.ManageContacts;
import no.kontor.application.shared.Transactions;

@Factory
public class ContactUseCases {

    @Singleton
    ManageContacts manageContacts(Companies companies, Contacts contacts, AuditTrail audit, PersonalDataKeys keys,
                                  Transactions tx, Clock clock) {
        return new ManageContacts(companies, contacts, audit, keys, tx, clock);
    }
}
