package no.kontor.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.domain.identity.Role;

/**
 * The HTTP boundary refuses impossible ids and text that XML 1.0 cannot carry, as
 * a class: any path id, any id in a query or body, any string anywhere in a body.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputBoundaryTest {
    static final String COMPANY = """
            {"name":"%s","status":"PROSPECT","notes":%s}""";

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    ApiClient manager;

    @BeforeAll
    void logIn() {
        staff.user("mona", Role.MANAGER);
        manager = ApiClient.anonymous(server.getURI()).login("mona", Staff.PASSWORD);
    }

    static void assertProblem(HttpResponse<String> r, int status, String... expected) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(ProblemDetails.MEDIA_TYPE);
        assertThat(r.body()).contains("\"status\":" + status, "\"code\":").doesNotContain("no.kontor", "Exception");
        for (String e : expected) {
            assertThat(r.body()).contains(e);
        }
    }

    @ParameterizedTest(name = "path id {0}")
    @ValueSource(strings = {"0", "-1", "abc", "99999999999999999999", "%00", "'%20OR%201=1--", "1.5", "%20", "00"})
    void anImpossibleIdInAPathIsNotFound(String id) {
        assertProblem(manager.get("/api/v1/companies/" + id), 404, "resource.not-found");
        assertProblem(manager.get("/api/v1/activities/" + id), 404);
        assertProblem(manager.post("/api/v1/companies/" + id + "/activities",
                "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"x\"}"), 404);
        assertProblem(manager.get("/api/v1/invoices/" + id + "/payments"), 404);
    }

    @ParameterizedTest(name = "query id {0}")
    @ValueSource(strings = {"0", "-1", "abc", "99999999999999999999"})
    void anImpossibleIdInAQueryIsABadRequestNamingIt(String id) {
        assertProblem(manager.get("/api/v1/companies?seller=" + id), 400, "\"field\":\"seller\"");
        assertProblem(manager.get("/api/v1/invoices?companyId=" + id), 400, "\"field\":\"companyId\"");
        assertProblem(manager.get("/api/v1/worklist?user=" + id), 400, "\"field\":\"user\"");
    }

    @ParameterizedTest(name = "body id {0}")
    @ValueSource(strings = {"0", "-1"})
    void anImpossibleIdInABodyIsABadRequestNamingIt(String id) {
        assertProblem(manager.post("/api/v1/companies", "{\"name\":\"A\",\"status\":\"PROSPECT\",\"responsibleSellerId\":" + id + "}"),
                400, "\"field\":\"responsibleSellerId\"");
        assertProblem(manager.post("/api/v1/companies/1/activities",
                "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"x\",\"contactId\":" + id + "}"), 400, "\"field\":\"contactId\"");
        assertProblem(manager.post("/api/v1/companies/1/activities",
                "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"x\",\"followUp\":{\"dueDate\":\"2030-01-01\",\"assigneeId\":"
                        + id + "}}"), 400, "assigneeId");
        assertProblem(manager.post("/api/v1/invoices", "{\"saleIds\":[" + id + "]}"), 400, "\"field\":\"saleIds[0]\"", EntityId.CODE);
        assertProblem(manager.post("/api/v1/payments/1/assign", "{\"invoiceId\":" + id + "}"), 400, "\"field\":\"invoiceId\"");
    }

    @Test
    void anOutOfRangeIdInABodyIsABadRequestNamingIt() {
        assertProblem(manager.post("/api/v1/companies", "{\"name\":\"A\",\"status\":\"PROSPECT\",\"responsibleSellerId\":99999999999999999999}"),
                400, "responsibleSellerId");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0008", "000B", "000C", "001F", "007F", "0085", "009F", "FFFE", "FFFF", "D800", "DC00"})
    void aControlCharacterOrNonCharacterInANameIsRefusedNamingTheField(String hex) {
        assertProblem(manager.post("/api/v1/companies", COMPANY.formatted("Acme\\u" + hex + " AS", "null")), 400,
                "\"field\":\"name\"", "text.invalid-character");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\t", "\\n", "\\r"})
    void aSingleLineFieldRefusesTabsAndLineBreaks(String escape) {
        assertProblem(manager.post("/api/v1/companies", COMPANY.formatted("Acme" + escape + "AS", "null")), 400, "\"field\":\"name\"");
    }

    @Test
    void aMultiLineFieldTakesTabsAndLineBreaksButNoOtherControl() {
        var ok = manager.post("/api/v1/companies", COMPANY.formatted("Linjeskift AS", "\"første linje\\r\\nandre\\tlinje\\n\""));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(ok.body()).contains("første linje\\r\\nandre\\tlinje\\n");
        assertProblem(manager.post("/api/v1/companies", COMPANY.formatted("Kontroll AS", "\"a\\u0007b\"")), 400, "\"field\":\"notes\"");
    }

    @Test
    void nestedFieldsAndListItemsAreCheckedToo() {
        assertProblem(manager.post("/api/v1/companies",
                "{\"name\":\"A\",\"status\":\"PROSPECT\",\"visitingAddress\":{\"street\":\"Gata\\u0000 1\"}}"), 400,
                "\"field\":\"visitingAddress.street\"");
        assertProblem(manager.post("/api/v1/invoices", "{\"saleIds\":[1],\"buyerReference\":\"ref\\u0002\"}"), 400,
                "\"field\":\"buyerReference\"");
    }

    @Test
    void supplementaryCharactersAndOrdinaryUnicodeAreText() {
        var ok = manager.post("/api/v1/companies", COMPANY.formatted("Blåbær \uD83D\uDE00 Æøå AS", "null"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void aQueryParameterWithAControlCharacterIsRefusedNamingIt() {
        assertProblem(manager.get("/api/v1/companies?q=ab%00c"), 400, "\"field\":\"q\"", "text.invalid-character");
        assertProblem(manager.get("/api/v1/companies?q=ab%0Ac"), 400, "\"field\":\"q\"");
        assertProblem(manager.get("/api/v1/companies?cursor=%C2%85"), 400, "\"field\":\"cursor\"");
        assertThat(manager.get("/api/v1/companies?q=bl%C3%A5b%C3%A6r").statusCode()).isEqualTo(200);
    }

    @Test
    void pathTextWithAControlCharacterIsRefusedNamingIt() {
        assertProblem(manager.get("/api/v1/postal-codes/01%0150"), 400, "\"field\":\"code\"");
    }
}
