package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * A bearer token lives 8 hours, but it speaks for the user only while the user's
 * role, active flag and password are what they were when it was issued: the
 * database is asked on every request (here with no cache, so the answer is
 * immediate), and a stale token is 401, so the client logs in again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRevocationApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;

    @Override
    public Map<String, String> getProperties() {
        var properties = new HashMap<>(UsesTestDatabase.super.getProperties());
        properties.put("kontor.security.token-check-cache", "0s");
        return properties;
    }

    private String etag(ApiClient client, long id) {
        return client.get("/api/v1/users/" + id).headers().firstValue("ETag").orElseThrow();
    }

    private int change(ApiClient admin, long id, String role, boolean active) {
        var r = admin.put("/api/v1/users/" + id, "{\"displayName\":\"x\",\"role\":\"" + role + "\",\"active\":" + active + "}",
                etag(admin, id));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.statusCode();
    }

    @Test
    void aDemotedUsersOldTokenIsRefusedAndANewLoginCarriesTheNewRole() {
        long id = staff.add("demoted", Role.MANAGER);
        var before = staff.login("demoted");
        assertThat(before.get("/api/v1/audit/head").statusCode()).as("a manager reads the head").isEqualTo(200);

        change(staff.admin(), id, "SELLER", true);

        var stale = before.get("/api/v1/companies");
        assertThat(stale.statusCode()).as("the old token after a demotion: " + stale.body()).isEqualTo(401);
        assertThat(stale.body()).contains("auth.required");
        var after = staff.login("demoted");
        assertThat(after.get("/api/v1/companies").statusCode()).isEqualTo(200);
        assertThat(after.get("/api/v1/audit/head").statusCode()).as("now a seller").isEqualTo(403);
    }

    @Test
    void aPromotionAlsoEndsTheOldToken() {
        long id = staff.add("promoted", Role.SELLER);
        var before = staff.login("promoted");
        change(staff.admin(), id, "MANAGER", true);
        assertThat(before.get("/api/v1/companies").statusCode()).isEqualTo(401);
        assertThat(staff.login("promoted").get("/api/v1/audit/head").statusCode()).isEqualTo(200);
    }

    @Test
    void aDeactivatedUsersTokenIsRefused() {
        long id = staff.add("leaver", Role.SELLER);
        var token = staff.login("leaver");
        assertThat(token.get("/api/v1/companies").statusCode()).isEqualTo(200);
        change(staff.admin(), id, "SELLER", false);
        assertThat(token.get("/api/v1/companies").statusCode()).isEqualTo(401);
        assertThat(token.get("/api/v1/users/" + id).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherProfileChangeKeepsTheTokens() {
        long id = staff.add("renamed", Role.SELLER);
        var token = staff.login("renamed");
        var admin = staff.admin();
        var r = admin.put("/api/v1/users/" + id, "{\"displayName\":\"Renamed Person\",\"role\":\"SELLER\",\"team\":\"Annonse\",\"active\":true}",
                etag(admin, id));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(token.get("/api/v1/companies").statusCode()).as("name and team do not touch access").isEqualTo(200);
    }

    @Test
    void aPasswordChangeEndsEveryOlderToken() {
        long id = staff.add("changer", Role.SELLER);
        var phone = staff.login("changer");
        var laptop = staff.login("changer");
        var r = laptop.put("/api/v1/users/" + id + "/password",
                "{\"currentPassword\":\"changer-password\",\"newPassword\":\"a-brand-new-password\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(phone.get("/api/v1/companies").statusCode()).as("another device's token").isEqualTo(401);
        assertThat(laptop.get("/api/v1/companies").statusCode()).as("the changer's own token too").isEqualTo(401);
        var fresh = ApiClient.anonymous(server.getURI()).login("changer", "a-brand-new-password");
        assertThat(fresh.get("/api/v1/companies").statusCode()).isEqualTo(200);

        // an admin resetting the password ends the user's tokens as well
        staff.admin().put("/api/v1/users/" + id + "/password", "{\"newPassword\":\"reset-by-the-admin\"}", null);
        assertThat(fresh.get("/api/v1/companies").statusCode()).isEqualTo(401);
    }

    @Test
    void logoutEndsEveryTokenOfTheCallerAndNobodyElses() {
        staff.add("leaving", Role.SELLER);
        staff.add("staying", Role.SELLER);
        var one = staff.login("leaving");
        var two = staff.login("leaving");
        var other = staff.login("staying");
        var out = one.post("/api/v1/logout", "");
        assertThat(out.statusCode()).as(out.body()).isEqualTo(204);
        assertThat(one.get("/api/v1/companies").statusCode()).isEqualTo(401);
        assertThat(two.get("/api/v1/companies").statusCode()).isEqualTo(401);
        assertThat(one.post("/api/v1/logout", "").statusCode()).as("an ended token cannot log out again").isEqualTo(401);
        assertThat(other.get("/api/v1/companies").statusCode()).isEqualTo(200);
        assertThat(staff.login("leaving").get("/api/v1/companies").statusCode()).as("logging in again works at once").isEqualTo(200);
        assertThat(ApiClient.anonymous(server.getURI()).post("/api/v1/logout", "").statusCode()).isEqualTo(401);
    }
}
