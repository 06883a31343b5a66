package no.kontor.adapters.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.domain.identity.Role;

/** A published dashboard is framed only by the configured origins and read at most so often per minute from one address. */
@MicronautTest
@Property(name = "kontor.dashboards.link-requests-per-minute", value = "3")
@Property(name = "kontor.dashboards.frame-origins", value = "https://intranett.avisa.example,https://crm.avisa.example")
class SharedDashboardLimitsTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    @Test
    void theConfiguredOriginsMayFrameItAndTheFourthReadInAMinuteWaits() {
        staff.user("limit-manager", Role.MANAGER);
        var manager = ApiClient.anonymous(server.getURI()).login("limit-manager", Staff.PASSWORD);
        String id = ApiClient.field(manager.post("/api/v1/dashboards", "{\"name\":\"Tavle\",\"widgets\":[{\"kind\":\"FRESHNESS\"}]}").body(), "id");
        String token = ApiClient.field(manager.post("/api/v1/dashboards/" + id + "/links", "{}").body(), "token");
        var nobody = ApiClient.anonymous(server.getURI());

        var page = nobody.get("/dashboards/shared/" + token);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors https://intranett.avisa.example https://crm.avisa.example");
        assertThat(nobody.get("/api/v1/dashboards/shared/" + token).statusCode()).isEqualTo(200);
        assertThat(nobody.get("/api/v1/dashboards/shared/" + token).statusCode()).isEqualTo(200);
        var refused = nobody.get("/api/v1/dashboards/shared/" + token);
        // the window may have turned between the reads; then the next one is the fourth
        var fourth = refused.statusCode() == 429 ? refused : nobody.get("/api/v1/dashboards/shared/" + token);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("\"status\":429", "dashboard.link-rate-limited");
        assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }
}
