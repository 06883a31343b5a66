package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;

/**
 * The embedded default's demo (what the README's first command shows): on an empty database it
 * makes the demo users, two companies, an invoice partly paid, a placement with a lead booked
 * on it, and a follow-up on the seller's work list, so every section of the pages has something
 * to open.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest implements UsesTestDatabase, TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        var p = new java.util.HashMap<>(UsesTestDatabase.super.getProperties());
        p.put("kontor.demo.enabled", "true");
        p.put("kontor.admin.username", ""); // the demo makes its own admin, as on the embedded default
        return p;
    }

    @Test
    void theDemoGivesEverySectionSomethingToOpen() {
        var sindre = ApiClient.anonymous(server.getURI()).login("sindre", Application.DEMO_PASSWORD);
        assertThat(sindre.get("/api/v1/worklist").body()).contains("Ringte om påskekampanjen");
        var sales = sindre.get("/api/v1/sales").body();
        assertThat(sales).contains("Påskekampanje", "LEAD", "Vinterkampanje", "INVOICED");
        var placements = sindre.get("/api/v1/placements").body();
        assertThat(placements).contains("Toppbanner forsiden");
        Object lead = Json.list(Json.object(sales).get("items")).stream().filter(item -> "LEAD".equals(item.get("stage")))
                .map(item -> item.get("id")).findFirst().orElseThrow();
        assertThat(sindre.get("/api/v1/sales/" + lead + "/bookings").body()).as("the lead's booking").contains("RESERVED");
        assertThat(sindre.get("/api/v1/invoices").body()).contains("PARTLY_PAID");
    }
}
