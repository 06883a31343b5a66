package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * Of Micronaut's management endpoints only /health and, for admins, /prometheus are on
 * (MetricsApiTest): every other one answers,
 * to an admin as to a seller, exactly as a route that does not exist — never a 500,
 * never its content.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementEndpointsApiTest implements UsesTestDatabase {
    static final List<String> OFF = List.of("beans", "routes", "threaddump", "info", "env", "loggers", "refresh", "stop",
            "caches", "metrics");

    @Inject
    TestStaff staff;

    ApiClient admin;
    ApiClient seller;

    @BeforeAll
    void logIn() {
        admin = staff.admin();
        staff.add("selma", Role.SELLER);
        seller = staff.login("selma");
    }

    @Test
    void everyManagementEndpointButHealthIsOffForAdminsAndSellers() {
        var wrong = new ArrayList<String>();
        for (var who : List.of(admin, seller)) {
            var none = who.get("/no-such-endpoint");
            for (String endpoint : OFF) {
                for (String method : List.of("GET", "POST", "DELETE")) {
                    var r = who.send(who.request("/" + endpoint).header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
                    if (r.statusCode() != none.statusCode() || !r.body().equals(none.body().replace("/no-such-endpoint", "/" + endpoint))) {
                        wrong.add((who == admin ? "admin " : "seller ") + method + " /" + endpoint + " → " + r.statusCode() + " "
                                + r.body().substring(0, Math.min(120, r.body().length())));
                    }
                }
            }
        }
        assertThat(wrong).as("management endpoints that answered unlike a missing route").isEmpty();
    }

    @Test
    void healthIsStillUp() {
        var r = ApiClient.anonymous(admin.request("/").build().uri()).get("/health");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("UP");
    }
}
