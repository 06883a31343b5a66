package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

/**
 * Customers and staff are realms of their own (docs/decisions/portal.md): a customer's
 * token sent to every staff operation of the OpenAPI document is answered 403, and a staff
 * token sent to every My page operation is answered 403, whatever the body — including the
 * routes open to anyone, as a token of the other realm is never "nobody".
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealmSeparationApiTest implements UsesTestDatabase {
    static final String PORTAL = "/api/v1/portal/";

    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    TestCustomers customers;

    ApiClient admin;
    ApiClient customer;
    Map<String, Map<String, Object>> paths;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void setUp() {
        admin = staff.admin();
        var yaml = ApiClient.anonymous(server.getURI()).get(OpenApiWalkTest.DOCUMENT);
        paths = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(yaml.body()).get("paths");
        String company = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Rike AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        customer = customers.login(Long.parseLong(ApiInvoices.issued(admin, admin, company)[0]));
    }

    @Test
    void aCustomersTokenOpensNoStaffOperationAndAStaffTokenNoCustomerOne() {
        var wrong = new ArrayList<String>();
        int staffOperations = 0;
        int customerOperations = 0;
        for (var path : paths.entrySet()) {
            boolean portal = path.getKey().startsWith(PORTAL);
            for (String method : path.getValue().keySet()) {
                String m = method.toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(m)) {
                    continue;
                }
                var client = portal ? admin : customer;
                if (portal) {
                    customerOperations++;
                } else {
                    staffOperations++;
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                var request = client.request(url).header("Content-Type", "application/json").header("If-Match", "\"0\"")
                        .method(m, m.equals("GET") || m.equals("DELETE") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                        .build();
                var r = client.send(request);
                if (r.statusCode() != 403) {
                    wrong.add(m + " " + path.getKey() + " with a " + (portal ? "staff" : "customer") + " token: " + r.statusCode());
                }
            }
        }
        assertThat(staffOperations).as("staff operations in the document").isGreaterThan(100);
        assertThat(customerOperations).as("My page operations in the document").isGreaterThanOrEqualTo(7);
        assertThat(wrong).isEmpty();
        // and the customer's session still works: the walk ended nothing
        assertThat(customer.get("/api/v1/portal/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aStaffTokenOnAStaffRouteAndACustomerTokenOnMyPageStillWork() {
        assertThat(admin.get("/api/v1/companies").statusCode()).isEqualTo(200);
        assertThat(customer.get("/api/v1/portal/invoices").statusCode()).isEqualTo(200);
        assertThat(ApiClient.anonymous(server.getURI()).get("/api/v1/portal/me").statusCode()).as("no token").isEqualTo(401);
        assertThat(ApiClient.bearer(server.getURI(), "kp_" + "A".repeat(43)).get("/api/v1/portal/me").statusCode())
                .as("a token of the right form nobody was given").isEqualTo(401);
    }
}
