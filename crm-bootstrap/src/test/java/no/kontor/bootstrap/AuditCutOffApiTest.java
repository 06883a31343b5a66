package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * Someone with the database's superuser deletes the newest audit entries and sets
 * the head back: the chain alone still verifies (every remaining link is sound), but
 * verification against the head exported earlier names the cut.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCutOffApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Value("${datasources.default.url}")
    String databaseUrl;

    ApiClient admin;
    ApiClient seller;

    @BeforeAll
    void logIn() {
        admin = staff.admin();
        staff.add("skriver", Role.SELLER);
        seller = staff.login("skriver");
    }

    private void companies(String prefix, int n) {
        for (int i = 0; i < n; i++) {
            var r = seller.post("/api/v1/companies", "{\"name\":\"" + prefix + " " + i + " AS\",\"status\":\"PROSPECT\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    /** As the superuser: the append-only trigger off, the entries after {@code keep} gone, the head set back to it. */
    private void cutAfter(long keep) throws SQLException {
        try (var c = TestPostgres.connectAsAdmin(databaseUrl)) { // the application role may not switch a trigger off
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
                s.execute("DELETE FROM audit_entry WHERE seq > " + keep);
                s.execute("UPDATE audit_head SET seq = e.seq, hash = e.hash FROM audit_entry e WHERE e.seq = " + keep);
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
            }
            c.commit();
        }
    }

    private Map<String, Object> verify(String body) {
        var r = admin.post("/api/v1/audit/verify", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.object(r.body());
    }

    private static String expecting(long seq, String hash) {
        return "{\"expectedHead\":{\"sequence\":" + seq + ",\"hash\":\"" + hash + "\"}}";
    }

    @Test
    void aCutOffTailIsFoundOnlyWithTheExportedHead() throws Exception {
        companies("Før", 4);
        var exported = Json.object(admin.get("/api/v1/audit/head").body());
        long seq = Json.number(exported.get("seq"));
        String hash = (String) exported.get("hash");
        assertThat(verify(expecting(seq, hash))).containsEntry("valid", true).containsEntry("truncated", false);

        cutAfter(seq - 2);

        var alone = verify("");
        assertThat(alone).as("the chain alone cannot tell").containsEntry("valid", true);
        var withHead = verify(expecting(seq, hash));
        assertThat(withHead).containsEntry("valid", false).containsEntry("truncated", true);
        assertThat(Json.number(withHead.get("firstBroken"))).isEqualTo(seq);
        assertThat((String) withHead.get("reason")).contains("entry " + seq, "missing");

        // writing on after the cut fills the numbers again, but not with the same hashes
        companies("Etter", 4);
        var rewritten = verify(expecting(seq, hash));
        assertThat(rewritten).containsEntry("valid", false).containsEntry("truncated", true);
        assertThat((String) rewritten.get("reason")).contains("entry " + seq, "hash");
        assertThat(verify("")).containsEntry("valid", true);

        // the head as exported now, pasted as it came (seq and hash), verifies
        String now = admin.get("/api/v1/audit/head").body();
        assertThat(verify("{\"expectedHead\":" + now + "}")).containsEntry("valid", true).containsEntry("truncated", false);
    }

    @Test
    void aMalformedExpectedHeadIs400NamingTheField() {
        var negative = admin.post("/api/v1/audit/verify", expecting(-1, "0".repeat(64)));
        assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
        assertThat(negative.body()).contains("sequence");
        var notHex = admin.post("/api/v1/audit/verify", expecting(1, "not-a-hash"));
        assertThat(notHex.statusCode()).as(notHex.body()).isEqualTo(400);
        assertThat(notHex.body()).contains("hash");
        var noHash = admin.post("/api/v1/audit/verify", "{\"expectedHead\":{\"sequence\":1}}");
        assertThat(noHash.statusCode()).as(noHash.body()).isEqualTo(400);
        assertThat(seller.post("/api/v1/audit/verify", expecting(1, "0".repeat(64))).statusCode()).isEqualTo(403);
    }
}
