package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;

    ApiClient admin;

    @BeforeAll
    void logIn() {
        admin = ApiClient.anonymous(server.getURI()).login("admin", "admin-password");
    }

    String create(String username, String role) {
        var r = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + username
                + "\",\"password\":\"" + username + "-password\",\"role\":\"" + role + "\",\"team\":\"Salg\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    @Test
    void anAdminManagesStaffAndTheHashNeverLeaves() {
        String id = create("siri", "SELLER");
        var siri = ApiClient.anonymous(server.getURI()).login("siri", "siri-password");
        var list = siri.get("/api/v1/users");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"username\":\"siri\"").doesNotContainIgnoringCase("hash").doesNotContain("$2a$");
        assertThat(siri.post("/api/v1/users", "{\"username\":\"x\",\"displayName\":\"x\",\"password\":\"xxxxxxxxxxxx\",\"role\":\"ADMIN\"}")
                .statusCode()).as("a seller adds no users").isEqualTo(403);

        String change = "{\"displayName\":\"Siri S\",\"role\":\"MANAGER\",\"team\":\"Salg\",\"active\":true}";
        assertThat(admin.put("/api/v1/users/" + id, change, null).statusCode()).isEqualTo(428);
        var promoted = admin.put("/api/v1/users/" + id, change, "\"0\"");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.body()).contains("\"role\":\"MANAGER\"");
        assertThat(siri.get("/api/v1/users").statusCode()).as("a new role ends the old token").isEqualTo(401);
        siri = ApiClient.anonymous(server.getURI()).login("siri", "siri-password");

        assertThat(siri.put("/api/v1/users/" + id + "/password", "{\"currentPassword\":\"wrong\",\"newPassword\":\"new-siri-password\"}", null)
                .statusCode()).isEqualTo(400);
        assertThat(siri.put("/api/v1/users/" + id + "/password", "{\"currentPassword\":\"siri-password\",\"newPassword\":\"new-siri-password\"}", null)
                .statusCode()).isEqualTo(204);
        ApiClient.anonymous(server.getURI()).login("siri", "new-siri-password");

        var deactivated = admin.put("/api/v1/users/" + id, change.replace("true", "false"), "\"2\"");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(ApiClient.anonymous(server.getURI()).post("/api/v1/login",
                "{\"username\":\"siri\",\"password\":\"new-siri-password\"}").statusCode()).as("inactive users do not log in").isEqualTo(401);
    }

    @Test
    void theLastActiveAdminStaysAndBadInputIsRefused() {
        var me = admin.get("/api/v1/users/1");
        String version = me.headers().firstValue("ETag").orElseThrow();
        var demote = admin.put("/api/v1/users/1", "{\"displayName\":\"Admin\",\"role\":\"SELLER\",\"active\":true}", version);
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(demote.body()).contains("user.last-admin");
        assertThat(admin.post("/api/v1/users", "{\"username\":\"Bad Name!\",\"displayName\":\"x\",\"password\":\"long-enough-pw\",\"role\":\"SELLER\"}")
                .statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/v1/users", "{\"username\":\"kort\",\"displayName\":\"x\",\"password\":\"short\",\"role\":\"SELLER\"}")
                .body()).contains("password");
        assertThat(admin.post("/api/v1/users", "{\"username\":\"rolle\",\"displayName\":\"x\",\"password\":\"long-enough-pw\",\"role\":\"KING\"}")
                .statusCode()).isEqualTo(400);
        create("dup");
        var dup = admin.post("/api/v1/users", "{\"username\":\"dup\",\"displayName\":\"x\",\"password\":\"long-enough-pw\",\"role\":\"SELLER\"}");
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(admin.get("/api/v1/users/99999").statusCode()).isEqualTo(404);
    }

    private String create(String username) {
        return create(username, "SELLER");
    }
}
