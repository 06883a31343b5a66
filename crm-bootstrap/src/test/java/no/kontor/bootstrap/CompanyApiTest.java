package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import no.kontor.adapters.web.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyApiTest implements UsesTestDatabase {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;

    ApiClient admin;

    @BeforeAll
    void logIn() {
        admin = ApiClient.anonymous(server.getURI()).login("admin", "admin-password");
    }

    static String card(String name, String org) {
        return """
                {"name":"%s",%s"status":"PROSPECT",
                 "visitingAddress":{"street":"Storgata 1","postalCode":"0150"},
                 "invoiceEmail":"faktura@example.no","phone":"+47 22 00 00 00"}"""
                .formatted(name, org == null ? "" : "\"organisationNumber\":\"" + org + "\",");
    }

    @Test
    void registersReadsAndAuditsACompany() throws Exception {
        var created = admin.post("/api/v1/companies", card("Acme AS", "974760673"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        String id = ApiClient.field(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/companies/" + id);

        var read = admin.get("/api/v1/companies/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"name\":\"Acme AS\"", "\"organisationNumber\":\"974760673\"",
                "\"place\":\"OSLO\"", "\"status\":\"PROSPECT\"");
        assertThat(ApiClient.field(read.body(), "createdAt")).matches(".*[+-]\\d\\d:\\d\\d");

        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'company' AND record_id = ?", id)).isEqualTo(1);
        assertThat(Db.text(dataSource, "SELECT action || ' by ' || actor FROM audit_entry WHERE record_type = 'company' AND record_id = ?", id))
                .matches("created by user:\\d+");
        assertThat(Db.text(dataSource, "SELECT entry_text FROM audit_entry WHERE record_type = 'company' AND record_id = ?", id))
                .contains("\"name\":{\"after\":\"Acme AS\",\"before\":null}");
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        var created = admin.post("/api/v1/companies", card("Versjon AS", null));
        String path = "/api/v1/companies/" + ApiClient.field(created.body(), "id");

        var missing = admin.put(path, card("Versjon Nytt AS", null), null);
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));

        var stale = admin.put(path, card("Versjon Nytt AS", null), "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);

        var ok = admin.put(path, card("Versjon Nytt AS", null), "\"0\"");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(admin.get(path).body()).contains("Versjon Nytt AS");
    }

    @Test
    void twoConcurrentUpdatesOfOneVersionOneWinsTheOtherGets412() throws Exception {
        var created = admin.post("/api/v1/companies", card("Kappløp AS", null));
        String id = ApiClient.field(created.body(), "id");
        String path = "/api/v1/companies/" + id;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (String name : List.of("Kappløp Én AS", "Kappløp To AS")) {
            results.add(pool.submit(() -> {
                start.await();
                return admin.put(path, card(name, null), "\"0\"").statusCode();
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(Db.count(dataSource,
                "SELECT count(*) FROM audit_entry WHERE record_type = 'company' AND action = 'changed' AND record_id = ?", id)).isEqualTo(1);
        assertThat(admin.get(path).headers().firstValue("ETag")).contains("\"1\"");
    }

    @Test
    void aTakenOrganisationNumberIsAConflictNamingTheOwner() {
        var first = admin.post("/api/v1/companies", card("Eier AS", "974761076"));
        var second = admin.post("/api/v1/companies", card("Kopi AS", "974761076"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("company.organisation-number-taken", "\"companyId\":" + ApiClient.field(first.body(), "id"));
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsWritten() throws Exception {
        long before = companies();
        record Case(String body, int status, String mustContain) {
        }
        var cases = List.of(
                new Case("{\"name\": \"Brutt", 400, "application/problem+json"),
                new Case("{\"name\": 42, \"status\": \"PROSPECT\"}", 400, "\"field\":\"name\""),
                new Case("{\"name\": \"X\", \"status\": \"PROSPECT\", \"visitingAddress\": \"nope\"}", 400, "visitingAddress"),
                new Case("{\"name\": \"X\", \"status\": \"BANKRUPT\"}", 400, "status"),
                new Case("{\"status\": \"PROSPECT\"}", 400, "\"field\":\"name\""),
                new Case(card("Ugyldig AS", "988077918"), 400, "\"field\":\"organisationNumber\""),
                new Case(card("Ukjent Post AS", null).replace("0150", "0000"), 400, "\"field\":\"visitingAddress.postalCode\""),
                new Case(card("Selger AS", null).replace("\"status\"", "\"responsibleSellerId\":999999,\"status\""), 400, "responsibleSellerId"),
                new Case("[]", 400, "application/problem+json"),
                new Case("", 400, "application/problem+json"));
        for (var c : cases) {
            var r = admin.post("/api/v1/companies", c.body());
            assertThat(r.statusCode()).as(c.body() + " → " + r.body()).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type").orElse("") + r.body()).as(c.body()).contains(c.mustContain());
        }
        var huge = admin.post("/api/v1/companies", card("Stor AS", null).replace("\"Storgata 1\"", "\"" + "x".repeat(2_000_000) + "\""));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(companies()).isEqualTo(before);
    }

    @Test
    void unknownIdsAndHostileSearchesAreClear4xx() {
        assertThat(admin.get("/api/v1/companies/987654321").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/companies/abc").statusCode()).as("an impossible path id names no record").isEqualTo(404);
        var injection = admin.get("/api/v1/companies?q=%27%3B%20DROP%20TABLE%20company%3B--");
        assertThat(injection.statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/companies?mode=FUZZY&q=%25%25_").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/companies?cursor=garbage").statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/companies?limit=0").statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/companies?mode=NOPE").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutATokenNothingButTheOpenEndpointsAnswers() {
        var anonymous = ApiClient.anonymous(server.getURI());
        var r = anonymous.get("/api/v1/companies");
        assertThat(r.statusCode()).isEqualTo(401);
        var forged = anonymous.send(anonymous.request("/api/v1/companies").header("Authorization", "Bearer e30.e30.c2ln").GET().build());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/login", "{\"username\":\"admin\",\"password\":\"wrong-password\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void searchFindsByPrefixFuzzilyAndPagesStably() {
        for (String n : List.of("Fjord Media AS", "Fjordkraft AS", "Fjell Sport AS", "Fjordlys AS")) {
            admin.post("/api/v1/companies", card(n, null));
        }
        var prefix = admin.get("/api/v1/companies?q=fjord&limit=2");
        assertThat(prefix.statusCode()).isEqualTo(200);
        assertThat(prefix.body()).contains("Fjord Media AS", "Fjordkraft AS").doesNotContain("Fjell");
        String cursor = ApiClient.field(prefix.body(), "nextCursor");
        assertThat(cursor).isNotNull();
        var next = admin.get("/api/v1/companies?q=fjord&limit=2&cursor=" + cursor);
        assertThat(next.body()).contains("Fjordlys AS").doesNotContain("Fjordkraft");
        var fuzzy = admin.get("/api/v1/companies?mode=FUZZY&q=fjordkraf");
        assertThat(fuzzy.body()).contains("Fjordkraft AS");
        assertThat(ApiClient.field(fuzzy.body(), "name")).as("the most similar name comes first").isEqualTo("Fjordkraft AS");
    }

    private long companies() {
        return Db.count(dataSource, "SELECT count(*) FROM company");
    }
}
