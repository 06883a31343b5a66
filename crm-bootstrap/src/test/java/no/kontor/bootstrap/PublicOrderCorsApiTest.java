package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;

/**
 * The newspaper's own site may post the order form from the browser: CORS for the
 * public order form, from the configured origins only, and for nothing else.
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.public-orders.allowed-origins", value = "https://avisa.example,https://www.avisa.example")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicOrderCorsApiTest implements UsesTestDatabase {
    static final String ORDERS = "/api/v1/public/orders";

    @Inject
    EmbeddedServer server;

    HttpResponse<String> preflight(String path, String origin) {
        var client = ApiClient.anonymous(server.getURI());
        return client.send(client.request(path).header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void aPreflightFromAnAllowedOriginMayPostTheFormWithAKey() {
        var r = preflight(ORDERS, "https://www.avisa.example");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://www.avisa.example");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("content-type", "idempotency-key");
        assertThat(r.headers().allValues("Vary")).anyMatch(v -> v.contains("Origin"));
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).as("no cookies: the form needs none").isEmpty();
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() {
        var r = preflight(ORDERS, "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight(ORDERS, "https://avisa.example.evil.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight(ORDERS, "null").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theStaffApiAllowsNoOriginEvenAnAllowedOne() {
        for (String path : new String[] {"/api/v1/login", "/api/v1/companies", "/api/v1/sales"}) {
            var r = preflight(path, "https://avisa.example");
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }

    @Test
    void theAnswerToAnAllowedOriginMayBeReadByItsPage() {
        var client = ApiClient.anonymous(server.getURI());
        var r = client.send(client.request(ORDERS).header("Origin", "https://avisa.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://avisa.example");
        var other = client.send(client.request(ORDERS).header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
