package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import no.kontor.application.company.port.Contacts;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactDetails;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.EmailAddress;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Contacts} does. */
public abstract class ContactsContract extends PortContract {

    private Contacts contacts() {
        return port(Contacts.class);
    }

    @Test
    void aContactIsStoredAndListedWithItsCompanyAndFoundByEmailWhateverTheCase() {
        var company = company("Kontakt AS");
        String email = "kari" + unique() + "@firma.example";
        var kari = tx(() -> contacts().add(Contact.add(company, ContactDetails.parse("Kari", "Daglig leder", email, null, false),
                "user:1", now())));
        var ola = tx(() -> contacts().add(Contact.add(company, ContactDetails.parse("Ola", null, null, null, false), "user:1", now())));

        assertThat(contacts().find(kari.getId()).orElseThrow().getDetails()).isEqualTo(kari.getDetails());
        assertThat(contacts().ofCompany(company)).extracting(Contact::getId).containsExactlyInAnyOrder(kari.getId(), ola.getId());
        assertThat(contacts().firstWithEmail(new EmailAddress(email.toUpperCase()))).map(Contact::getId).contains(kari.getId());
    }

    @Test
    void theCompanysContactsArePagedWithoutRepeatsOrGaps() {
        var company = company("Mange AS");
        for (int i = 0; i < 5; i++) {
            int n = i;
            tx(() -> contacts().add(Contact.add(company, ContactDetails.parse("Person " + n, null, null, null, false), "user:1", now())));
        }
        var first = contacts().ofCompany(company, null, 2);
        var second = contacts().ofCompany(company, first.nextCursor(), 2);
        var third = contacts().ofCompany(company, second.nextCursor(), 2);
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(2);
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextCursor()).isNull();
        var all = new java.util.ArrayList<Contact>();
        all.addAll(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertThat(all).extracting(Contact::getId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(contacts().ofCompany(company).stream().map(Contact::getId).toList());
    }

    @Test
    void anUpdateRaisesTheVersionAndAStaleOneIsRefused() {
        var company = company("Endring AS");
        var stored = tx(() -> contacts().add(Contact.add(company, ContactDetails.parse("Kari", null, null, null, false), "user:1", now())));
        var changed = tx(() -> contacts().update(stored.changeTo(ContactDetails.parse("Kari Ny", null, null, null, false), "user:2", now())));
        assertThat(changed.getVersion()).isEqualTo(1);
        assertThatThrownBy(() -> tx(() -> contacts().update(stored.changeTo(ContactDetails.parse("Kari Gammel", null, null, null, false),
                "user:3", now())))).isInstanceOf(StaleVersionException.class);
        assertThat(contacts().find(new ContactId(987_654_321))).isEmpty();
    }
}
