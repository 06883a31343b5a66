package no.kontor.adapters.web.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.domain.identity.Role;

/** The company endpoints over HTTP: every status and problem shape, on in-memory ports. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyControllerTest {
    static final String VALID = """
            {"name":"Acme AS","organisationNumber":"974760673","status":"CUSTOMER",
             "visitingAddress":{"street":"Storgata 1","postalCode":"0150"}}""";

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;
    @Inject
    InMemoryCompanies companies;

    ApiClient seller;

    @BeforeAll
    void logIn() {
        staff.user("sindre", Role.SELLER);
        seller = ApiClient.anonymous(server.getURI()).login("sindre", Staff.PASSWORD);
    }

    @Test
    void createThenReadWithETag() {
        var created = seller.post("/api/v1/companies", VALID.replace("974760673", "991825827"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        var read = seller.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"organisationNumber\":\"991825827\"", "\"status\":\"CUSTOMER\"",
                "\"notes\":null", "\"postalAddress\":null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON       | {"name":                                              | 400 | request.invalid
            wrong type           | {"name":"A","status":"PROSPECT","responsibleSellerId":"x"} | 400 | responsibleSellerId
            unknown enum         | {"name":"A","status":"BANKRUPT"}                      | 400 | status
            missing name         | {"status":"PROSPECT"}                                 | 400 | "field":"name"
            blank name           | {"name":"  ","status":"PROSPECT"}                     | 400 | "field":"name"
            bad org number       | {"name":"A","status":"PROSPECT","organisationNumber":"923609017"} | 400 | organisation-number.invalid
            short postal code    | {"name":"A","status":"PROSPECT","visitingAddress":{"postalCode":"15"}} | 400 | visitingAddress.postalCode
            unknown postal code  | {"name":"A","status":"PROSPECT","visitingAddress":{"postalCode":"0001"}} | 400 | postal-code.unknown
            a JSON array         | []                                                    | 400 | application/problem+json
            """)
    void badInputIsAProblemAndNothingIsStored(String name, String body, int status, String expected) {
        int before = companies.size();
        var r = seller.post("/api/v1/companies", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("") + r.body()).contains(expected);
        assertThat(r.body()).doesNotContain("no.kontor", "Exception");
        assertThat(companies.size()).isEqualTo(before);
    }

    @Test
    void anOversizeBodyIs413() {
        var r = seller.post("/api/v1/companies", VALID.replace("Acme AS", "A".repeat(3_000_000)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    }

    @Test
    void updatesNeedIfMatch() {
        var created = seller.post("/api/v1/companies", VALID.replace("974760673", "889640782"));
        String path = created.headers().firstValue("Location").orElseThrow();
        var missing = seller.put(path, VALID.replace("974760673", "889640782"), null);
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(missing.body()).contains("version.if-match-required");
        assertThat(seller.put(path, VALID.replace("974760673", "889640782"), "W/\"0\"").statusCode()).isEqualTo(412);
        assertThat(seller.put(path, VALID.replace("974760673", "889640782"), "\"5\"").statusCode()).isEqualTo(412);
        var ok = seller.put(path, VALID.replace("974760673", "889640782").replace("Acme AS", "Acme Norge AS"), "\"0\"");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).contains("\"1\"");
    }

    @Test
    void unknownAndImpossibleIdsAreNotFound() {
        var missing = seller.get("/api/v1/companies/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("company.not-found");
        assertThat(seller.get("/api/v1/companies/not-a-number").statusCode()).isEqualTo(404);
        // a route that does not exist is refused like a forbidden one: Micronaut Security's default,
        // so that nobody can map the API by probing; still a problem document
        var noRoute = seller.get("/api/v1/nothing-here");
        assertThat(noRoute.statusCode()).isEqualTo(403);
        assertThat(noRoute.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("problem+json"));
    }

    @Test
    void aTakenOrgNumberIs409() {
        seller.post("/api/v1/companies", VALID.replace("974760673", "974761076"));
        var again = seller.post("/api/v1/companies", VALID.replace("974760673", "974761076"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("company.organisation-number-taken");
    }

    @Test
    void noTokenNoAccess() {
        var r = ApiClient.anonymous(server.getURI()).get("/api/v1/companies");
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void searchValidatesItsParameters() {
        assertThat(seller.get("/api/v1/companies?limit=1000").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/companies?mode=FUZZY").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/companies?q=acme").statusCode()).isEqualTo(200);
    }
}
