package no.kontor.application.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryPostalCodes;
import no.kontor.application.testing.InMemoryStaffUsers;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;

class CompanyUseCasesTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final InMemoryCompanies companies = new InMemoryCompanies();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryStaffUsers staff = new InMemoryStaffUsers();
    final DirectTransactions tx = new DirectTransactions().register(companies);
    final RegisterCompany register = new RegisterCompany(companies, new InMemoryPostalCodes(), staff, audit, tx, clock);
    final ChangeCompany change = new ChangeCompany(companies, new InMemoryPostalCodes(), staff, audit, tx, clock);
    final Actor seller = Actor.staff(1, "sindre", Role.SELLER);

    static CompanyInput input(String name, String org, String postalCode) {
        return new CompanyInput(name, org, CompanyStatus.PROSPECT, "Storgata 1", postalCode, null, null,
                "faktura@example.no", "22 00 00 00", "example.no", null, null);
    }

    @Test
    void registeringStoresTheCardAndAuditsEveryField() {
        var company = register.execute(seller, input("Acme AS", "974 760 673", "0150"));
        assertThat(company.getId()).isNotNull();
        assertThat(company.getOrganisationNumber().value()).isEqualTo("974760673");
        var events = audit.of("company", company.getId());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("created");
            assertThat(e.actor()).isEqualTo("user:1");
            assertThat(e.changes().get("name").after()).isEqualTo("Acme AS");
            assertThat(e.changes().get("website").after()).isEqualTo("https://example.no");
        });
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsStored() {
        assertThatThrownBy(() -> register.execute(seller, new CompanyInput(" ", "988077918", CompanyStatus.CUSTOMER,
                "Gate 1", "12", null, null, "not-an-email", "12", null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("name", "organisationNumber", "visitingAddress.postalCode", "invoiceEmail", "phone"));
        assertThat(companies.size()).isZero();
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void anUnknownPostalCodeOrSellerNamesTheField() {
        assertThatThrownBy(() -> register.execute(seller, input("Acme AS", null, "0001")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactly("visitingAddress.postalCode"));
        var withSeller = new CompanyInput("Acme AS", null, CompanyStatus.PROSPECT, null, null, null, null, null, null, null, 42L, null);
        assertThatThrownBy(() -> register.execute(seller, withSeller))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactly("responsibleSellerId"));
    }

    @Test
    void anOrganisationNumberBelongsToOneCompany() {
        register.execute(seller, input("Acme AS", "974760673", "0150"));
        assertThatThrownBy(() -> register.execute(seller, input("Acme Kopi AS", "974760673", "0150")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("974760673");
        assertThat(companies.size()).isEqualTo(1);
    }

    @Test
    void aChangeBasedOnAnOldVersionWritesNothing() {
        var company = register.execute(seller, input("Acme AS", null, "0150"));
        var changed = change.execute(seller, company.getId(), 0, input("Acme Norge AS", null, "0150"));
        assertThat(changed.getVersion()).isEqualTo(1);
        assertThatThrownBy(() -> change.execute(seller, company.getId(), 0, input("Acme Gammel AS", null, "0150")))
                .isInstanceOf(StaleVersionException.class);
        assertThat(companies.find(company.getId()).orElseThrow().getName()).isEqualTo("Acme Norge AS");
        var changes = audit.of("company", company.getId()).get(1).changes();
        assertThat(changes).containsOnlyKeys("name");
        assertThat(changes.get("name").before()).isEqualTo("Acme AS");
    }

    @Test
    void anUnchangedCardIsNotWrittenOrAudited() {
        var company = register.execute(seller, input("Acme AS", null, "0150"));
        var same = change.execute(seller, company.getId(), 0, input("Acme AS", null, "0150"));
        assertThat(same.getVersion()).isZero();
        assertThat(audit.of("company", company.getId())).hasSize(1);
    }

    @Test
    void onlyStaffRegisterCompanies() {
        assertThatThrownBy(() -> register.execute(Actor.publicForm(), input("Acme AS", null, "0150")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
