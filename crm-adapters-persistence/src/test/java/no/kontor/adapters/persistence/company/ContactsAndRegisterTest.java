package no.kontor.adapters.persistence.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;
import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactDetails;
import no.kontor.domain.shared.PostalCode;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.company.PostalPlace;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsAndRegisterTest implements UsesTestDatabase {
    @Inject
    Companies companies;
    @Inject
    Contacts contacts;
    @Inject
    PostalCodeRegister register;
    @Inject
    Transactions tx;

    Company company(String name, String postalCode) {
        return tx.inTransaction(() -> companies.add(Company.register(CompanyDetails.parse(name, null, CompanyStatus.CUSTOMER,
                null, null, "Postboks 1", postalCode, null, null, null, null, null), "user:1", Instant.now())));
    }

    @Test
    void contactsAreStoredVersionedAndListedByName() {
        var firm = company("Kontakt AS", "0150");
        for (String name : List.of("Øystein", "Anne", "Åse", "Bjørn")) {
            contacts.add(Contact.add(firm.getId(), ContactDetails.parse(name, "Leder", name.toLowerCase() + "@example.no", null, false),
                    "user:1", Instant.now()));
        }
        var listed = contacts.ofCompany(firm.getId());
        assertThat(listed).extracting(c -> c.getDetails().name()).containsExactly("Anne", "Bjørn", "Øystein", "Åse");
        var anne = listed.get(0);
        assertThat(anne.getDetails().email().value()).isEqualTo("anne@example.no");
        var changed = contacts.update(anne.changeTo(ContactDetails.parse("Anne B", null, null, "+4790000000", true), "user:2", Instant.now()));
        assertThat(changed.getVersion()).isEqualTo(1);
        assertThat(contacts.find(anne.getId()).orElseThrow().getDetails().unsubscribed()).isTrue();
        assertThatThrownBy(() -> contacts.update(anne.forget("user:3", Instant.now()))).isInstanceOf(StaleVersionException.class);
        assertThat(contacts.find(anne.getId()).orElseThrow().isForgotten()).isFalse();
    }

    @Test
    void theRegisterKnowsItsCodesAndAnImportKeepsCodesInUse() {
        assertThat(register.find(new PostalCode("9008")).orElseThrow().place()).isEqualTo("TROMSØ");
        assertThat(register.unknown(List.of(new PostalCode("0150"), new PostalCode("0000"), new PostalCode("9999"))))
                .containsExactlyInAnyOrder(new PostalCode("0000"), new PostalCode("9999"));
        company("Bruker 7030 AS", "7030");
        int imported = tx.inTransaction(() -> register.replaceAll(List.of(
                new PostalPlace("0150", "OSLO", "0301", "OSLO", "G"), new PostalPlace("9999", "NYSTED", "5501", "TROMSØ", "B"))));
        assertThat(imported).isEqualTo(2);
        assertThat(register.find(new PostalCode("0150")).orElseThrow().municipalityNumber()).isEqualTo("0301");
        assertThat(register.find(new PostalCode("9999"))).isPresent();
        assertThat(register.find(new PostalCode("7030"))).as("still used by an address").isPresent();
        assertThat(register.find(new PostalCode("5003"))).as("left the register, used by nobody").isEmpty();
    }
}
