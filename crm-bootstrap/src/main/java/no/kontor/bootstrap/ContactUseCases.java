package no.kontor.bootstrap;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.audit.port.PersonalDataKeys;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;
import no.kontor.application.company.ManageContacts;
import no.kontor.application.shared.port.Transactions;

@Factory
public class ContactUseCases {

    @Singleton
    ManageContacts manageContacts(Companies companies, Contacts contacts, AuditTrail audit, PersonalDataKeys keys,
                                  Transactions tx, Clock clock) {
        return new ManageContacts(companies, contacts, audit, keys, tx, clock);
    }
}
