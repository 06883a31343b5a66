package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;

/**
 * "The last active admin cannot be demoted or deactivated" holds when the two last
 * admins demote each other at the same moment: one wins and one active admin remains.
 * The loser is refused either way it can lose: 409 when its request was already past
 * the token check as the winner committed, 401 when the winner's change of its role
 * ended its token first. Several rounds, each with a start gate.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastAdminRaceApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        var properties = new HashMap<>(UsesTestDatabase.super.getProperties());
        properties.put("kontor.security.token-check-cache", "0s");
        return properties;
    }

    private record Admin(long id, String username) {
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveExactlyOneActiveAdmin() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            Admin first = new Admin(Db.count(dataSource, "SELECT id FROM staff_user WHERE username = 'admin'"), "admin");
            for (int round = 0; round < 6; round++) {
                String name = "rival-" + round;
                var created = login(first).post("/api/v1/users", "{\"username\":\"" + name + "\",\"displayName\":\"" + name
                        + "\",\"password\":\"" + name + "-password\",\"role\":\"ADMIN\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Admin second = new Admin(Long.parseLong(ApiClient.field(created.body(), "id")), name);
                assertThat(Db.count(dataSource, "SELECT count(*) FROM staff_user WHERE role = 'ADMIN' AND active")).isEqualTo(2);
                var a = login(first);
                var b = login(second);
                String etagOfSecond = a.get("/api/v1/users/" + second.id()).headers().firstValue("ETag").orElseThrow();
                String etagOfFirst = b.get("/api/v1/users/" + first.id()).headers().firstValue("ETag").orElseThrow();
                // alternate: demote one round, deactivate the next
                String change = round % 2 == 0
                        ? "{\"displayName\":\"x\",\"role\":\"MANAGER\",\"active\":true}"
                        : "{\"displayName\":\"x\",\"role\":\"ADMIN\",\"active\":false}";

                long firstId = first.id();
                var gate = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                answers.add(pool.submit(() -> {
                    gate.await();
                    return a.put("/api/v1/users/" + second.id(), change, etagOfSecond).statusCode();
                }));
                answers.add(pool.submit(() -> {
                    gate.await();
                    return b.put("/api/v1/users/" + firstId, change, etagOfFirst).statusCode();
                }));
                gate.countDown();
                var statuses = new ArrayList<Integer>();
                for (var answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsOnlyOnce(200);
                assertThat(statuses).as("round " + round + ": the loser").filteredOn(status -> status != 200)
                        .singleElement().isIn(401, 409);
                assertThat(Db.count(dataSource, "SELECT count(*) FROM staff_user WHERE role = 'ADMIN' AND active"))
                        .as("round " + round + ": active admins").isEqualTo(1);
                first = statuses.get(0) == 200 ? first : second;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ApiClient login(Admin admin) {
        return ApiClient.anonymous(server.getURI()).login(admin.username(), admin.username() + "-password");
    }
}
