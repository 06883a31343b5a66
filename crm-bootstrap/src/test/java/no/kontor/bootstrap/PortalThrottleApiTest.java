package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;

/** A client address that fails My page's login too often is told to wait (429 with Retry-After), its right PIN unchecked. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalThrottleApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    TestCustomers customers;

    @Override
    public Map<String, String> getProperties() {
        var properties = new java.util.HashMap<>(UsesTestDatabase.super.getProperties());
        properties.put("kontor.portal.per-address", "3");
        return properties;
    }

    @Test
    void anAddressPastItsFailuresWaits() {
        var manager = staff.admin();
        String company = ApiClient.field(manager.post("/api/v1/companies", "{\"name\":\"Kunde AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        long number = customers.knownPin(Long.parseLong(ApiInvoices.issued(manager, manager, company)[0]));
        var anonymous = ApiClient.anonymous(server.getURI());
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.post("/api/v1/portal/login", "{\"invoiceNumber\":\"" + (number + 100 + i) + "\",\"pin\":\"000000\"}")
                    .statusCode()).isEqualTo(401);
        }
        var held = anonymous.post("/api/v1/portal/login", "{\"invoiceNumber\":\"" + number + "\",\"pin\":\"" + TestCustomers.PIN + "\"}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 3601L));
        assertThat(ApiClient.field(held.body(), "code")).isEqualTo("portal.login-throttled");
    }
}
