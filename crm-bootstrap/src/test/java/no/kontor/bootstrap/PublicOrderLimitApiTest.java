package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;

/** The order form's limit per client address, counted in the database; refused posts count too. */
@MicronautTest(transactional = false)
@Property(name = "kontor.order-form.posts-per-minute", value = "3")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicOrderLimitApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;

    @Test
    void theFourthPostInAMinuteIsToldWhenToComeBack() {
        var client = ApiClient.anonymous(server.getURI());
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("/api/v1/public/orders", "{}").statusCode()).isEqualTo(400);
        }
        var refused = client.post("/api/v1/public/orders", "{}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("order.throttled");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 61L);
        var keyed = client.send(client.request("/api/v1/public/orders").header("Content-Type", "application/json")
                .header("Idempotency-Key", "k").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(keyed.statusCode()).as("a key does not get around the limit").isEqualTo(429);
    }
}
