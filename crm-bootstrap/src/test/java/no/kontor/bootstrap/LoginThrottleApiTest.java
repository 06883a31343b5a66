package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/** Failed logins are throttled per user and per client address, in the database every node shares. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;

    @Override
    public Map<String, String> getProperties() {
        var properties = new HashMap<>(UsesTestDatabase.super.getProperties());
        properties.put("kontor.security.login.per-user", "3");
        properties.put("kontor.security.login.per-client", "9");
        return properties;
    }

    @BeforeAll
    void users() {
        staff.add("tina", Role.SELLER);
        staff.add("tom", Role.SELLER);
    }

    int login(String username, String password) {
        return ApiClient.anonymous(server.getURI()).post("/api/v1/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").statusCode();
    }

    @Test
    void failuresAreCountedClearedByASuccessAndThrottledPerUserAndPerAddress() {
        // a success clears the user's failures
        assertThat(login("tom", "wrong-1")).isEqualTo(401);
        assertThat(login("tom", "wrong-2")).isEqualTo(401);
        assertThat(login("tom", "tom-password")).isEqualTo(200);
        assertThat(login("tom", "wrong-3")).isEqualTo(401);
        assertThat(login("tom", "wrong-4")).isEqualTo(401);
        assertThat(login("tom", "tom-password")).as("two failures since the last success").isEqualTo(200);

        // per user: after 3 failures even the right password waits, with Retry-After
        for (int i = 0; i < 3; i++) {
            assertThat(login("tina", "wrong")).isEqualTo(401);
        }
        var throttled = ApiClient.anonymous(server.getURI()).post("/api/v1/login", "{\"username\":\"tina\",\"password\":\"tina-password\"}");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("auth.login-throttled");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 15L * 60 + 1);
        assertThat(login("TINA", "tina-password")).as("the username is not case-escaped").isEqualTo(429);
        assertThat(login("tom", "tom-password")).as("other users still log in").isEqualTo(200);

        // per client address: failures across many usernames from one address
        for (int i = 0; i < 4; i++) {
            login("nobody-" + i, "guess");
        }
        assertThat(login("tom", "tom-password")).as("this address has failed 9 times within a minute").isEqualTo(429);
    }
}
