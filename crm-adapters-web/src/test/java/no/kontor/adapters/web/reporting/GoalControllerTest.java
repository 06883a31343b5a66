package no.kontor.adapters.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

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

/** Goals over HTTP: managers set, change and remove them at their version; sellers follow them; bad goals are refused by field. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoalControllerTest {
    static final String ACTIVITIES = "{\"metric\":\"ACTIVITIES\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"team\":\"Nord\",\"target\":60}";

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    ApiClient manager;
    ApiClient seller;

    @BeforeAll
    void setUp() {
        staff.user("goal-manager", Role.MANAGER);
        staff.user("goal-seller", Role.SELLER);
        manager = ApiClient.anonymous(server.getURI()).login("goal-manager", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("goal-seller", Staff.PASSWORD);
    }

    @Test
    void aManagerSetsAGoalASellerFollowsItAndAStaleChangeIsRefused() {
        var created = manager.post("/api/v1/goals", ACTIVITIES);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiClient.field(created.body(), "id");
        // Nord logged 30 activities (canned): half the target
        assertThat(created.body()).contains("\"reached\":30", "\"percentOfTarget\":50.0", "\"days\":29");
        assertThat(seller.get("/api/v1/goals?from=2020-02-01&to=2020-02-29").body()).contains("\"id\":" + id, "\"team\":\"Nord\"");
        assertThat(seller.get("/api/v1/goals/" + id).headers().firstValue("ETag")).hasValue("\"0\"");

        var changed = manager.send(manager.request("/api/v1/goals/" + id).header("Content-Type", "application/json").header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString(ACTIVITIES.replace("60", "40"))).build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"percentOfTarget\":75.0", "\"version\":1");
        var stale = manager.send(manager.request("/api/v1/goals/" + id).header("If-Match", "\"0\"").DELETE().build());
        assertThat(stale.statusCode()).isIn(409, 412);
        assertThat(manager.send(manager.request("/api/v1/goals/" + id).header("If-Match", "\"1\"").DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(seller.get("/api/v1/goals/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aSellerMayNotSetAGoal() {
        assertThat(seller.post("/api/v1/goals", ACTIVITIES).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"metric\":\"ACTIVITIES\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-01-01\",\"target\":1}",
        "{\"metric\":\"ACTIVITIES\",\"firstDay\":\"2020-01-01\",\"lastDay\":\"2021-01-02\",\"target\":1}",
        "{\"metric\":\"ACTIVITIES\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"target\":-1}",
        "{\"metric\":\"ACTIVITIES\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"target\":1.5}",
        "{\"metric\":\"CONVERSION\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"target\":101}",
        "{\"metric\":\"MAILOUT_RETURN_RATE\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"target\":10}",
        "{\"metric\":\"REVENUE\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"campaign\":\"x\",\"target\":10}",
        "{\"metric\":\"REVENUE\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"team\":\"Nord\",\"sellerId\":1,\"target\":10}",
        "{\"metric\":\"REVENUE\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"sellerId\":999999,\"target\":10}",
        "{\"metric\":\"SMILES\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"target\":10}",
        "{\"metric\":\"REVENUE\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\"}",
        "{\"metric\":\"REVENUE\",\"firstDay\":\"2020-02-01\",\"lastDay\":\"2020-02-29\",\"target\":1e400}",
        "[]"})
    void badGoalsAreRefused(String body) {
        var answer = manager.post("/api/v1/goals", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    }
}
