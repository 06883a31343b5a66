package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * Metrics in Prometheus's text format at /prometheus, for an admin only
 * (docs/decisions/metrics.md): requests per route template, never per raw path; the
 * connection pool; the outbox's backlog from its timer; the imports' files and records. The
 * outbox workers are off here, so the jobs an issue makes stay due until the test moves them.
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.jobs.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    OutboxMetrics outboxMetrics;
    @Inject
    DataSource dataSource;

    ApiClient admin;
    ApiClient manager;
    ApiClient seller;
    ApiClient anonymous;
    String companyId;

    @BeforeAll
    void setUp() {
        admin = staff.admin();
        staff.add("mona", Role.MANAGER);
        staff.add("selma", Role.SELLER);
        manager = staff.login("mona");
        seller = staff.login("selma");
        anonymous = ApiClient.anonymous(admin.request("/").build().uri());
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Måling AS\",\"organisationNumber\":\"974761076\","
                + "\"status\":\"CUSTOMER\"}").body(), "id");
    }

    String scrape() {
        var r = admin.get("/prometheus");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return r.body();
    }

    /** The value of the one series named {@code name} that has every one of the labels, e.g. {@code kind="ocr-payments"}. */
    static double value(String text, String name, String... labels) {
        var found = text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> List.of(labels).stream().allMatch(l::contains)).toList();
        assertThat(found).as("series %s %s in:%n%s", name, List.of(labels), text).hasSize(1);
        String line = found.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void requestsAreCountedPerRouteTemplateNeverPerPath() {
        for (int i = 0; i < 3; i++) {
            assertThat(seller.get("/api/v1/companies/" + companyId).statusCode()).isEqualTo(200);
        }
        assertThat(seller.get("/api/v1/companies/987654321").statusCode()).isEqualTo(404);
        anonymous.get("/no-such-route/123456");
        seller.get("/no-such-route/654321");

        String text = scrape();
        assertThat(value(text, "http_server_requests_seconds_count", "uri=\"/api/v1/companies/{id}\"", "method=\"GET\"",
                "status=\"200\"")).isGreaterThanOrEqualTo(3);
        assertThat(text).contains("http_server_requests_seconds_sum{", "http_server_requests_seconds_max{");
        // no id, no probed path becomes a label: one series per route, not per record or per probe
        var uris = Pattern.compile("uri=\"([^\"]*)\"").matcher(text).results().map(m -> m.group(1)).distinct().toList();
        assertThat(uris).isNotEmpty().noneMatch(u -> u.matches(".*\\d{3,}.*")).noneMatch(u -> u.contains("no-such-route"));
        // no client-side percentiles or histogram buckets (docs/decisions/metrics.md)
        assertThat(text).doesNotContain("http_server_requests_seconds_bucket", "quantile=");
    }

    @Test
    void theConnectionPoolIsMeasured() {
        String text = scrape();
        assertThat(value(text, "hikaricp_connections_max")).isGreaterThan(0);
        assertThat(text).contains("hikaricp_connections_active{", "hikaricp_connections_idle{", "hikaricp_connections_pending{",
                "hikaricp_connections_acquire_seconds_count{");
    }

    @Test
    void theOutboxBacklogComesFromItsTimerNotFromTheScrape() throws Exception {
        ApiInvoices.issued(seller, manager, companyId); // its PDF to render: a job due now, no worker to run it
        outboxMetrics.refresh();
        long due = count("SELECT count(*) FROM outbox WHERE done_at IS NULL AND not_before <= now()");
        assertThat(due).isPositive();
        String text = scrape();
        assertThat(value(text, "kontor_outbox_jobs", "state=\"due\"")).isEqualTo(due);
        assertThat(value(text, "kontor_outbox_jobs", "state=\"failed\"")).isZero();
        assertThat(value(text, "kontor_outbox_oldest_due_seconds")).isGreaterThanOrEqualTo(0);

        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE outbox SET done_at = now(), failed = true, payload = NULL, claimed_until = NULL, "
                    + "last_error = 'the test failed it' WHERE done_at IS NULL");
        }
        // the scrape alone does not read the table again: the figures move on the timer's next round
        assertThat(value(scrape(), "kontor_outbox_jobs", "state=\"failed\"")).isZero();
        outboxMetrics.refresh();
        text = scrape();
        assertThat(value(text, "kontor_outbox_jobs", "state=\"failed\"")).isEqualTo(due);
        assertThat(value(text, "kontor_outbox_jobs", "state=\"due\"")).isZero();
        assertThat(value(text, "kontor_outbox_oldest_due_seconds")).isZero();
    }

    @Test
    void importsCountTheirFilesAndRecords() {
        String before = scrape();
        String today = LocalDate.now().toString();
        var taken = manager.send(manager.request("/api/v1/site-statistics").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("date;channel;articles;page_views\n" + today + ";Nett;10;5000\n" + today
                        + ";Sport;2;800\n")).build());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        var refused = manager.send(manager.request("/api/v1/site-statistics").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("no;such;file\n")).build());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);

        String after = scrape();
        String[] kind = {"kind=\"site-statistics\""};
        assertThat(value(after, "kontor_imports_files_total", "kind=\"site-statistics\"", "outcome=\"taken\"")
                - value(before, "kontor_imports_files_total", "kind=\"site-statistics\"", "outcome=\"taken\"")).isEqualTo(1);
        assertThat(value(after, "kontor_imports_files_total", "kind=\"site-statistics\"", "outcome=\"refused\"")
                - value(before, "kontor_imports_files_total", "kind=\"site-statistics\"", "outcome=\"refused\"")).isEqualTo(1);
        assertThat(value(after, "kontor_imports_records_total", kind) - value(before, "kontor_imports_records_total", kind)).isEqualTo(2);
        // every import is there from the start, at zero until its first file
        assertThat(after).contains("kind=\"ocr-payments\"", "kind=\"postal-codes\"", "kind=\"ad-statistics\"");
    }

    @Test
    void onlyAnAdminReadsTheMetrics() {
        assertThat(anonymous.get("/prometheus").statusCode()).isEqualTo(401);
        assertThat(seller.get("/prometheus").statusCode()).isEqualTo(403);
        assertThat(manager.get("/prometheus").statusCode()).isEqualTo(403);
        assertThat(admin.get("/prometheus").statusCode()).isEqualTo(200);
        for (String method : List.of("POST", "DELETE")) {
            var r = admin.send(admin.request("/prometheus").method(method, HttpRequest.BodyPublishers.ofString("")).build());
            assertThat(r.statusCode()).as(method).isIn(401, 403, 404, 405);
        }
    }

    long count(String sql) {
        return Db.count(dataSource, sql);
    }
}
