package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * Passwords: your own needs the current one (admins too), bcrypt's 72-byte limit is
 * a 400 when a password is set and a failed login when one is tried, and every
 * login, right or wrong, is in the audit log without the password.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPasswordApiTest implements UsesTestDatabase {
    /** 25 × "æøå" is 75 characters of two bytes each: 150 bytes, though only 75 characters. */
    static final String TOO_LONG = "æøå".repeat(25);
    /** 72 bytes exactly: the longest password bcrypt takes. */
    static final String LONGEST = "æ".repeat(30) + "x".repeat(12);

    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        var properties = new HashMap<>(UsesTestDatabase.super.getProperties());
        properties.put("kontor.security.login.per-user", "3");
        properties.put("kontor.security.token-check-cache", "0s");
        return properties;
    }

    private int login(String username, String password) {
        return ApiClient.anonymous(server.getURI()).post("/api/v1/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").statusCode();
    }

    @Test
    void anAdminChangingTheirOwnPasswordGivesTheCurrentOneButNotForOthers() {
        staff.add("second-admin", Role.ADMIN);
        var admin = staff.login("second-admin");
        long self = Db.count(dataSource, "SELECT id FROM staff_user WHERE username = 'second-admin'");
        var missing = admin.put("/api/v1/users/" + self + "/password", "{\"newPassword\":\"another-admin-password\"}", null);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"currentPassword\"");
        var wrong = admin.put("/api/v1/users/" + self + "/password",
                "{\"currentPassword\":\"not-it\",\"newPassword\":\"another-admin-password\"}", null);
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.body()).contains("user.current-password-wrong", "\"field\":\"currentPassword\"");
        assertThat(login("second-admin", "another-admin-password")).as("nothing changed").isEqualTo(401);

        long other = staff.add("forgetful", Role.SELLER);
        var reset = admin.put("/api/v1/users/" + other + "/password", "{\"newPassword\":\"reset-by-an-admin\"}", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        assertThat(login("forgetful", "reset-by-an-admin")).isEqualTo(200);

        var right = staff.login("second-admin").put("/api/v1/users/" + self + "/password",
                "{\"currentPassword\":\"second-admin-password\",\"newPassword\":\"another-admin-password\"}", null);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(204);
        assertThat(login("second-admin", "another-admin-password")).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordCountsLikeAFailedLogin() {
        long id = staff.add("guesser", Role.SELLER);
        var guesser = staff.login("guesser");
        for (int i = 0; i < 3; i++) {
            var r = guesser.put("/api/v1/users/" + id + "/password",
                    "{\"currentPassword\":\"guess-" + i + "\",\"newPassword\":\"guessed-new-password\"}", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        }
        assertThat(login("guesser", "guesser-password")).as("three failures: the user is throttled").isEqualTo(429);
        var throttled = guesser.put("/api/v1/users/" + id + "/password",
                "{\"currentPassword\":\"guesser-password\",\"newPassword\":\"guessed-new-password\"}", null);
        assertThat(throttled.statusCode()).as("even the right one waits: " + throttled.body()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("auth.login-throttled");
    }

    @Test
    void aPasswordOver72BytesIsRefusedWhereverItIsSetAndIsAFailedLoginWhereItIsTried() {
        var admin = staff.admin();
        var create = admin.post("/api/v1/users", "{\"username\":\"longpw\",\"displayName\":\"x\",\"password\":\"" + TOO_LONG
                + "\",\"role\":\"SELLER\"}");
        assertThat(create.statusCode()).as(create.body()).isEqualTo(400);
        assertThat(create.body()).contains("\"field\":\"password\"", "user.password-too-long");

        var ok = admin.post("/api/v1/users", "{\"username\":\"longestpw\",\"displayName\":\"x\",\"password\":\"" + LONGEST
                + "\",\"role\":\"SELLER\"}");
        assertThat(ok.statusCode()).as("72 bytes are fine: " + ok.body()).isEqualTo(201);
        assertThat(login("longestpw", LONGEST)).isEqualTo(200);
        String id = ApiClient.field(ok.body(), "id");

        var reset = admin.put("/api/v1/users/" + id + "/password", "{\"newPassword\":\"" + TOO_LONG + "\"}", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(400);
        assertThat(reset.body()).contains("\"field\":\"newPassword\"", "user.password-too-long");
        var own = ApiClient.anonymous(server.getURI()).login("longestpw", LONGEST).put("/api/v1/users/" + id + "/password",
                "{\"currentPassword\":\"" + LONGEST + "\",\"newPassword\":\"" + TOO_LONG + "\"}", null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(400);

        staff.add("tooLong".toLowerCase(), Role.SELLER);
        for (int i = 0; i < 3; i++) {
            assertThat(login("toolong", TOO_LONG)).as("a failed login, not a 500").isEqualTo(401);
        }
        assertThat(login("toolong", "toolong-password")).as("and counted by the throttle").isEqualTo(429);
        assertThat(login("nobody-at-all", TOO_LONG)).isEqualTo(401);
    }

    @Test
    void loginsRightAndWrongAreAuditedWithoutThePassword() {
        long id = staff.add("audited", Role.SELLER);
        assertThat(login("audited", "audited-password")).isEqualTo(200);
        assertThat(login("audited", "wrong-secret-1")).isEqualTo(401);
        assertThat(login("no-such-user", "wrong-secret-2")).isEqualTo(401);
        var admin = staff.admin();
        var r = admin.put("/api/v1/users/" + id, "{\"displayName\":\"x\",\"role\":\"SELLER\",\"active\":false}",
                admin.get("/api/v1/users/" + id).headers().firstValue("ETag").orElseThrow());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(login("audited", "audited-password")).isEqualTo(401);

        var seller = staff.login(staffUser("reader"));
        var history = seller.get("/api/v1/audit/records/login/audited");
        assertThat(history.statusCode()).isEqualTo(200);
        var list = Json.list(Json.object(history.body()).get("items"));
        assertThat(list).hasSize(3);
        assertThat(list.get(0)).containsEntry("actor", "user:" + id).containsEntry("action", "succeeded");
        assertThat(Json.map(list.get(0).get("changes"))).containsKey("clientAddress");
        assertThat(list.get(1)).containsEntry("actor", "public").containsEntry("action", "failed");
        assertThat(Json.map(Json.map(list.get(1).get("changes")).get("reason")).get("after")).isEqualTo("bad-credentials");
        assertThat(Json.map(Json.map(list.get(1).get("changes")).get("username")).get("after")).isEqualTo("audited");
        assertThat(Json.map(Json.map(list.get(1).get("changes")).get("clientAddress")).get("after")).isNotNull();
        assertThat(Json.map(Json.map(list.get(2).get("changes")).get("reason")).get("after")).isEqualTo("inactive");

        var unknown = Json.list(Json.object(seller.get("/api/v1/audit/records/login/no-such-user").body()).get("items"));
        assertThat(unknown).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("actor", "public").containsEntry("action", "failed");
            assertThat(Json.map(Json.map(e.get("changes")).get("reason")).get("after"))
                    .as("an unknown username reads like a wrong password").isEqualTo("bad-credentials");
        });
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE entry_text LIKE '%secret%' "
                + "OR entry_text LIKE '%audited-password%'")).as("no password is ever logged").isZero();
    }

    private String staffUser(String name) {
        staff.add(name, Role.SELLER);
        return name;
    }
}
