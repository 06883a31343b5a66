package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import no.kontor.application.company.port.Companies;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Companies} does. */
public abstract class CompaniesContract extends PortContract {

    private Companies companies() {
        return port(Companies.class);
    }

    private static Company card(String name, String org) {
        return Company.register(CompanyDetails.parse(name, org, CompanyStatus.PROSPECT, "Storgata 1", "0150", null, null,
                "post@firma.example", null, null, null, null), "user:1", now());
    }

    @Test
    void aCompanyIsStoredWithAnIdAndReadBackWholeAndFoundByItsOrganisationNumber() {
        String org = organisationNumber();
        var stored = tx(() -> companies().add(card("Lagret AS", org)));
        assertThat(stored.getId()).isNotNull();
        var read = companies().find(stored.getId()).orElseThrow();
        assertThat(read.getDetails()).isEqualTo(stored.getDetails());
        assertThat(read.getVersion()).isZero();
        assertThat(companies().findByOrganisationNumber(new OrganisationNumber(org))).contains(stored.getId());
    }

    @Test
    void anUnknownCompanyIsAbsent() {
        assertThat(companies().find(new CompanyId(987_654_321))).isEmpty();
        assertThat(tx(() -> companies().lock(new CompanyId(987_654_321)))).isEmpty();
        assertThat(companies().findByOrganisationNumber(new OrganisationNumber(organisationNumber()))).isEmpty();
    }

    @Test
    void anUpdateRaisesTheVersionAndAStaleOneIsRefused() {
        var stored = tx(() -> companies().add(card("Versjon AS", null)));
        var changed = tx(() -> companies().update(stored.changeTo(card("Versjon Ny AS", null).getDetails(), "user:2", now())));
        assertThat(changed.getVersion()).isEqualTo(1);
        assertThatThrownBy(() -> tx(() -> companies().update(stored.changeTo(card("Gammel AS", null).getDetails(), "user:3", now()))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(companies().find(stored.getId()).orElseThrow().getName()).isEqualTo("Versjon Ny AS");
    }

    @Test
    void anOrganisationNumberBelongsToOneCompany() {
        String org = organisationNumber();
        tx(() -> companies().add(card("Først AS", org)));
        assertThatThrownBy(() -> tx(() -> companies().add(card("Sist AS", org))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("company.organisation-number-taken"));
    }
}
