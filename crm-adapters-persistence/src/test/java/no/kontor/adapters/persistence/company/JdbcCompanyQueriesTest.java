package no.kontor.adapters.persistence.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.CompanyQueries;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.CompanySearch.Mode;
import no.kontor.application.company.CompanySummary;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.shared.ValidationException;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCompanyQueriesTest implements UsesTestDatabase {
    @Inject
    Companies companies;
    @Inject
    CompanyQueries queries;
    @Inject
    Transactions tx;
    @Inject
    no.kontor.adapters.persistence.shared.Jdbc jdbc;

    @BeforeAll
    void companies() {
        add("Øst Regnskap AS", CompanyStatus.CUSTOMER, "9008");
        add("Ås Bakeri", CompanyStatus.PROSPECT, "0150");
        add("Æble Design", CompanyStatus.PROSPECT, "5003");
        add("Zebra Media", CompanyStatus.CUSTOMER, "7030", "974760673");
        add("Fjordkraft AS", CompanyStatus.CUSTOMER, "5003");
        add("Fjord Media AS", CompanyStatus.PROSPECT, "0150");
        add("Fjordlys AS", CompanyStatus.FORMER_CUSTOMER, "1613");
        add("50% Rabatt_AS", CompanyStatus.PROSPECT, "0150");
    }

    void add(String name, CompanyStatus status, String code) {
        add(name, status, code, null);
    }

    void add(String name, CompanyStatus status, String code, String org) {
        tx.inTransaction(() -> companies.add(Company.register(CompanyDetails.parse(name, org, status, null, null,
                "Postboks 1", code, null, null, null, null, null), "user:1", Instant.now())));
    }

    static CompanySearch search(String q, Mode mode, int limit, String cursor) {
        return new CompanySearch(q, mode, null, null, limit, cursor);
    }

    static List<String> names(List<CompanySummary> items) {
        return items.stream().map(CompanySummary::name).toList();
    }

    @Test
    void theFullListIsInNorwegianOrderAndPagesWithoutGapsOrRepeats() {
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = queries.search(search(null, Mode.PREFIX, 3, cursor));
            seen.addAll(names(page.items()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactly("50% Rabatt_AS", "Fjord Media AS", "Fjordkraft AS", "Fjordlys AS",
                "Zebra Media", "Æble Design", "Øst Regnskap AS", "Ås Bakeri");
    }

    @Test
    void prefixIsCaseInsensitiveAndTreatsWildcardsAsText() {
        assertThat(names(queries.search(search("FJORD", Mode.PREFIX, 10, null)).items()))
                .containsExactly("Fjord Media AS", "Fjordkraft AS", "Fjordlys AS");
    }

    @Test
    void fuzzyFindsMisspelledNamesBestFirst() {
        var page = queries.search(search("fjordkraf", Mode.FUZZY, 10, null));
        assertThat(names(page.items())).first().isEqualTo("Fjordkraft AS");
    }

    @Test
    void fuzzyNarrowsByTheQuerysTellingWordsAndRanksByWordSimilarity() {
        assertThat(names(queries.search(search("Fjordkraf AS", Mode.FUZZY, 10, null)).items())).first().isEqualTo("Fjordkraft AS");
        assertThat(names(queries.search(search("zebbra mediaa", Mode.FUZZY, 10, null)).items())).containsExactly("Zebra Media");
        assertThat(names(queries.search(search("fjordlyss", Mode.FUZZY, 10, null)).items())).first().isEqualTo("Fjordlys AS");
        assertThat(queries.search(search("qxqxqx", Mode.FUZZY, 10, null)).items()).as("no word like it in any name").isEmpty();
    }

    @Test
    void aRenamedCompanyIsFoundFuzzilyByItsNewName() {
        assertThat(queries.search(search("kystvinn forlag", Mode.FUZZY, 10, null)).items()).isEmpty();
        jdbc.update("UPDATE company SET name = 'Kystvind Forlag AS' WHERE name = 'Æble Design'", List.of());
        try {
            assertThat(names(queries.search(search("kystvinn forlag", Mode.FUZZY, 10, null)).items())).containsExactly("Kystvind Forlag AS");
            assertThat(queries.search(search("æbel desing", Mode.FUZZY, 10, null)).items()).as("no name holds the old words now").isEmpty();
        } finally {
            jdbc.update("UPDATE company SET name = 'Æble Design' WHERE name = 'Kystvind Forlag AS'", List.of());
        }
    }

    @Test
    void byContactNameAndByOrganisationNumber() {
        var zebra = queries.search(search("Zebra", Mode.PREFIX, 1, null)).items().get(0);
        jdbc.update("INSERT INTO contact (company_id, name, created_by, created_at, changed_by, changed_at) "
                + "VALUES (?, 'Ingrid Ødegård', 'user:1', now(), 'user:1', now())", java.util.List.of(zebra.id()));
        assertThat(names(queries.search(search("ødegå", Mode.CONTACT_NAME, 10, null)).items())).containsExactly("Zebra Media");
        assertThat(queries.search(search("Nobody Here", Mode.CONTACT_NAME, 10, null)).items()).isEmpty();
        assertThat(names(queries.search(search("974 760 673", Mode.ORGANISATION_NUMBER, 10, null)).items())).containsExactly("Zebra Media");
    }

    @Test
    void postalPlaceAndFilters() {
        assertThat(names(queries.search(search("bergen", Mode.POSTAL_PLACE, 10, null)).items()))
                .containsExactly("Fjordkraft AS", "Æble Design");
        assertThat(names(queries.search(new CompanySearch("fjord", Mode.PREFIX, CompanyStatus.CUSTOMER, null, 10, null)).items()))
                .containsExactly("Fjordkraft AS");
    }

    @Test
    void hostileInputIsDataNotSql() {
        assertThat(queries.search(search("'; DROP TABLE company; --", Mode.PREFIX, 10, null)).items()).isEmpty();
        assertThat(queries.search(search("%", Mode.PREFIX, 10, null)).items()).isEmpty();
        assertThat(names(queries.search(search("50%", Mode.PREFIX, 10, null)).items())).containsExactly("50% Rabatt_AS");
        assertThat(queries.search(search("' OR 1=1 --", Mode.FUZZY, 10, null)).items()).isNotNull();
        assertThatThrownBy(() -> queries.search(search("fjord", Mode.PREFIX, 10, "bm9wZQ"))).isInstanceOf(ValidationException.class);
        var fuzzyCursor = queries.search(search("fjord", Mode.FUZZY, 1, null)).nextCursor();
        assertThatThrownBy(() -> queries.search(search("fjord", Mode.PREFIX, 1, fuzzyCursor)))
                .as("a cursor of another list").isInstanceOf(ValidationException.class);
    }

    @Test
    void theCardCarriesThePlacesOfItsPostalCodes() {
        var id = queries.search(search("Zebra", Mode.PREFIX, 1, null)).items().get(0).id();
        var card = queries.card(new no.kontor.domain.company.CompanyId(id)).orElseThrow();
        assertThat(card.postalAddress().place()).isEqualTo("TRONDHEIM");
        assertThat(card.visitingAddress()).isNull();
    }
}
