package no.kontor.adapters.persistence.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.company.port.Companies;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.StaleVersionException;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCompaniesTest implements UsesTestDatabase {
    @Inject
    Companies companies;
    @Inject
    Transactions tx;

    static Company card(String name, String org) {
        return Company.register(CompanyDetails.parse(name, org, CompanyStatus.PROSPECT, "Storgata 1", "0150", null, null,
                "faktura@example.no", "+47 22 00 00 00", "example.no", null, "notater"), "user:1",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void storesAndReadsBackEveryField() {
        var stored = tx.inTransaction(() -> companies.add(card("Acme AS", "974760673")));
        var read = companies.find(stored.getId()).orElseThrow();
        assertThat(read.getDetails()).isEqualTo(stored.getDetails());
        assertThat(read.getCreatedAt()).isEqualTo(stored.getCreatedAt());
        assertThat(read.getVersion()).isZero();
        assertThat(companies.findByOrganisationNumber(new OrganisationNumber("974760673"))).contains(stored.getId());
    }

    @Test
    void anUpdateMovesTheVersionAndAStaleOneWritesNothing() {
        var stored = tx.inTransaction(() -> companies.add(card("Versjon AS", null)));
        var newer = tx.inTransaction(() -> companies.update(stored.changeTo(card("Versjon Ny AS", null).getDetails(), "user:2", Instant.now())));
        assertThat(newer.getVersion()).isEqualTo(1);
        assertThatThrownBy(() -> tx.inTransaction(() -> companies.update(stored.changeTo(card("Versjon Gammel AS", null).getDetails(), "user:3", Instant.now()))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(companies.find(stored.getId()).orElseThrow().getName()).isEqualTo("Versjon Ny AS");
    }

    @Test
    void theUniqueIndexHoldsTheOrgNumberWhenTwoRaceAndSpeaksInDomainTerms() throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    tx.inTransaction(() -> companies.add(card("Rase " + n + " AS", "991825827")));
                    return "stored";
                } catch (ConflictException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        var results = new ArrayList<String>();
        for (var f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).containsOnlyOnce("stored").filteredOn(r -> !r.equals("stored"))
                .containsOnly("company.organisation-number-taken").hasSize(3);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            companies.add(card("Rullet Tilbake AS", "889640782"));
            throw new IllegalStateException("a later step fails");
        })).hasMessage("a later step fails");
        assertThat(companies.findByOrganisationNumber(new OrganisationNumber("889640782"))).isEmpty();
    }
}
