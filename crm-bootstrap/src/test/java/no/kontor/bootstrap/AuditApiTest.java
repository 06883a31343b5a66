package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient admin;
    ApiClient seller;

    @BeforeAll
    void logIn() {
        admin = staff.admin();
        staff.add("selma", Role.SELLER);
        seller = staff.login("selma");
    }

    @Test
    void aCardsHistoryTheLogAndTheChainThroughHttp() {
        var created = seller.post("/api/v1/companies", "{\"name\":\"Historikk AS\",\"status\":\"PROSPECT\"}");
        String id = ApiClient.field(created.body(), "id");
        seller.put("/api/v1/companies/" + id, "{\"name\":\"Historikk Norge AS\",\"status\":\"CUSTOMER\"}", "\"0\"");

        var history = seller.get("/api/v1/audit/records/company/" + id);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"action\":\"created\"", "\"action\":\"changed\"",
                "\"before\":\"Historikk AS\"", "\"after\":\"Historikk Norge AS\"");
        assertThat(history.body().indexOf("created")).as("oldest first").isLessThan(history.body().indexOf("changed"));

        String sellerActor = ApiClient.field(history.body(), "actor");
        var byUser = seller.get("/api/v1/audit?actor=" + sellerActor + "&limit=10");
        assertThat(byUser.statusCode()).isEqualTo(200);
        assertThat(byUser.body()).contains("Historikk").doesNotContain("\"actor\":\"system:first-start\"");

        var verify = admin.post("/api/v1/audit/verify", "");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("\"valid\":true");
        var head = admin.get("/api/v1/audit/head");
        assertThat(ApiClient.field(head.body(), "hash")).matches("[0-9a-f]{64}");
        assertThat(Long.parseLong(ApiClient.field(head.body(), "seq")))
                .isEqualTo(Db.count(dataSource, "SELECT max(seq) FROM audit_entry"));
    }

    @Test
    void onlyManagersAndAdminsVerifyAndBadQueriesAreRefused() {
        assertThat(seller.post("/api/v1/audit/verify", "").statusCode()).isEqualTo(403);
        assertThat(seller.get("/api/v1/audit/head").statusCode()).isEqualTo(403);
        assertThat(seller.get("/api/v1/audit?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/audit?limit=0").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/audit?cursor=%21%21").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/audit?from=2026-02-01T00:00:00%2B01:00&to=2026-01-01T00:00:00%2B01:00").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/audit/records/company/999999").body()).isEqualTo("{\"items\":[],\"nextCursor\":null}");
        assertThat(ApiClient.anonymous(server.getURI()).get("/api/v1/audit").statusCode()).isEqualTo(401);
    }
}
