package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.adapters.persistence.schema.Migrations;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.embedded.postgres.EmbeddedPostgres;

/**
 * docs/architecture.md#promises, "the database restarts", under load and as a crash: one server on its own
 * durable PostgreSQL (fsync, synchronous commit and full-page writes on), eight clients writing (new
 * companies, activities on a company, each with a unique name or subject) and reading without pause; then
 * PostgreSQL is stopped with {@code pg_ctl stop -m immediate} — no checkpoint, as a crash or a killed
 * container would leave it — the load goes on for some seconds, and PostgreSQL starts again (recovering
 * from its write-ahead log) under the same server. The promises:
 * <ul>
 *   <li>every answer is a success or {@code 503 service.database-unavailable} with {@code Retry-After}: no
 *       500, no other status, and no request left hanging (each answers within the pool's connection
 *       timeout plus a margin);</li>
 *   <li>the same server serves again after PostgreSQL is back, without a restart of its own;</li>
 *   <li>every write answered {@code 201} is in the database after the crash, by id (SQL) and through
 *       the API, and the audit chain still verifies;</li>
 *   <li>a write answered {@code 503} is not there — except one that was in flight at the crash.</li>
 * </ul>
 *
 * <p><b>The ambiguous write.</b> A write whose COMMIT reached PostgreSQL just before the crash may be
 * durable although its answer never came back: the client sees a broken connection, and the server answers
 * 503. No server can tell that case from a write that was lost, so the test allows it only for requests
 * that were sent before PostgreSQL was down (before {@code stopImmediately} returned), counts them, and
 * demands nothing of them (the run prints how many there were and how many committed). Where an operation
 * takes an {@code Idempotency-Key} (issuing, payments, sending: docs/decisions/idempotency.md) a retry with
 * the same key does not act twice; for the others (a company, an activity) a client that must not write
 * twice looks before it writes again. A write sent while PostgreSQL is down never reaches it and must not
 * exist. docs/architecture.md#promises and docs/operations-upgrade.md say the same.
 */
class DatabaseRestartUnderLoadIT {
    static final int CLIENTS = 8;
    static final int CONNECTION_TIMEOUT_MS = 2000;
    /** The slowest answer allowed: a wait for a connection, then the rest of the request. */
    static final Duration SLOWEST = Duration.ofMillis(CONNECTION_TIMEOUT_MS + 3000);

    record Outcome(String kind, String key, int status, long sentAtNanos, long tookNanos, String id, String retryAfter, String body) {
    }

    @Test
    void aCrashedDatabaseUnderLoadLosesNoAcknowledgedWriteAndTheServerRecovers() throws Exception {
        var directory = new OwnPostgresDirectory("kontor-restart-");
        Path base = directory.path();
        int port = InvoiceSendingApiTest.freePort();
        var options = EmbeddedPostgres.Options.durable().withSuperuserPassword("restart-under-load-" + System.nanoTime()).withPort(port);
        EmbeddedPostgres postgres = EmbeddedPostgres.start(base, options);
        try {
            String url = postgres.createDatabase("kontor");
            // the superuser owns and runs this throw-away database: the crash, not the roles, is under test here
            Migrations.migrate(url, postgres.username(), postgres.password(), postgres.username());
            Map<String, Object> properties = Map.of("datasources.default.url", url,
                    "datasources.default.username", postgres.username(), "datasources.default.password", postgres.password(),
                    "datasources.default.connection-timeout", CONNECTION_TIMEOUT_MS,
                    "datasources.default.maximum-pool-size", CLIENTS);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                var admin = ApiClient.anonymous(server.getURI()).login("admin", "admin-password");
                var company = admin.post("/api/v1/companies", "{\"name\":\"Logg AS\",\"status\":\"CUSTOMER\"}");
                assertThat(company.statusCode()).isEqualTo(201);
                String companyId = ApiClient.field(company.body(), "id");
                String token = tokenOf(server.getURI());

                var outcomes = new ConcurrentLinkedQueue<Outcome>();
                var failures = new ConcurrentLinkedQueue<String>();
                var stop = new AtomicBoolean();
                var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                var started = new CountDownLatch(CLIENTS);
                long beginning = System.nanoTime();
                List<Thread> clients = new ArrayList<>();
                for (int t = 0; t < CLIENTS; t++) {
                    int client = t;
                    Thread thread = new Thread(() -> load(client, http, server.getURI(), token, companyId, stop, started, outcomes, failures),
                            "load-" + client);
                    thread.start();
                    clients.add(thread);
                }
                started.await();
                awaitAcknowledgedAfter(outcomes, beginning, 40, Duration.ofSeconds(30), failures);

                postgres.stopImmediately();
                long down = System.nanoTime();
                awaitRefused(outcomes, down, 20, Duration.ofSeconds(30)); // the load goes on against the missing database
                long restarting = System.nanoTime();
                postgres = EmbeddedPostgres.start(base, options);
                long up = System.nanoTime();
                awaitAcknowledgedAfter(outcomes, up, 40, Duration.ofSeconds(30), failures);
                stop.set(true);
                for (Thread thread : clients) {
                    thread.join(Duration.ofSeconds(30).toMillis());
                    assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
                }

                assertThat(failures).as("requests that failed without an answer (a hang or a broken connection)").isEmpty();
                List<Outcome> all = new ArrayList<>(outcomes);
                assertThat(all).filteredOn(o -> o.status() != 200 && o.status() != 201 && o.status() != 503)
                        .as("answers other than success or 503").isEmpty();
                assertThat(all).filteredOn(o -> o.status() == 503 && !"5".equals(o.retryAfter()))
                        .as("503 without Retry-After").isEmpty();
                assertThat(all).filteredOn(o -> o.status() == 503 && !o.body().contains("service.database-unavailable"))
                        .as("503 for another reason than the database").isEmpty();
                assertThat(all).filteredOn(o -> o.tookNanos() > SLOWEST.toNanos())
                        .as("answers slower than the pool's connection timeout plus a margin").isEmpty();
                assertThat(all).filteredOn(o -> o.status() == 503 && o.sentAtNanos() > down && o.sentAtNanos() < restarting)
                        .as("503s while PostgreSQL was down").isNotEmpty();

                List<Outcome> acknowledged = all.stream().filter(o -> o.status() == 201).toList();
                List<Outcome> refused = all.stream().filter(o -> o.status() == 503 && !o.kind().equals("read")).toList();
                List<Outcome> ambiguous = refused.stream().filter(o -> o.sentAtNanos() < down).toList();
                List<Outcome> refusedWhileDown = refused.stream().filter(o -> o.sentAtNanos() >= down).toList();

                try (Connection c = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
                    for (Outcome o : acknowledged) {
                        assertThat(stored(c, o)).as("acknowledged " + o.kind() + " " + o.key() + " (id " + o.id() + ") survived the crash")
                                .isEqualTo(o.id());
                    }
                    for (Outcome o : refusedWhileDown) {
                        assertThat(stored(c, o)).as("refused " + o.kind() + " " + o.key() + " was not written").isNull();
                    }
                    long ambiguousWritten = 0;
                    for (Outcome o : ambiguous) {
                        ambiguousWritten += stored(c, o) == null ? 0 : 1;
                    }
                    System.out.printf("restart under load: %d answers, %d writes acknowledged, %d refused while down, %d in flight at"
                            + " the crash (%d of them committed)%n", all.size(), acknowledged.size(), refusedWhileDown.size(),
                            ambiguous.size(), ambiguousWritten);
                }
                for (Outcome o : acknowledged) {
                    String path = o.kind().equals("company") ? "/api/v1/companies/" + o.id() : "/api/v1/activities/" + o.id();
                    var read = admin.get(path);
                    assertThat(read.statusCode()).as(path).isEqualTo(200);
                    assertThat(read.body()).as(path).contains(o.key());
                }
                var verified = admin.post("/api/v1/audit/verify", "");
                assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
                assertThat(ApiClient.field(verified.body(), "valid")).as("the audit chain after the crash: " + verified.body())
                        .isEqualTo("true");
            }
        } finally {
            postgres.stop();
            directory.close();
        }
    }

    /** One client: writes and reads until told to stop; every answer recorded, every request bounded in time. */
    private static void load(int client, HttpClient http, URI base, String token, String companyId, AtomicBoolean stop,
            CountDownLatch started, Queue<Outcome> outcomes, Queue<String> failures) {
        started.countDown();
        var mine = new ArrayList<String>();
        for (int n = 0; !stop.get() && n < 100_000; n++) {
            int pick = ThreadLocalRandom.current().nextInt(10);
            String kind;
            String key;
            HttpRequest.Builder request;
            if (pick < 4) {
                kind = "company";
                key = "Last " + client + "-" + n + " AS";
                request = json(base.resolve("/api/v1/companies"), "{\"name\":\"" + key + "\",\"status\":\"PROSPECT\"}");
            } else if (pick < 8) {
                kind = "activity";
                key = "Samtale " + client + "-" + n;
                request = json(base.resolve("/api/v1/companies/" + companyId + "/activities"),
                        "{\"kind\":\"PHONE_CALL\",\"direction\":\"OUTBOUND\",\"subject\":\"" + key + "\"}");
            } else {
                kind = "read";
                key = mine.isEmpty() ? companyId : mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
                request = HttpRequest.newBuilder(base.resolve("/api/v1/companies/" + key)).GET();
            }
            request.header("Authorization", "Bearer " + token).timeout(SLOWEST.plusSeconds(10));
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - sent;
                String id = response.statusCode() == 201 ? ApiClient.field(response.body(), "id") : null;
                if ("company".equals(kind) && id != null) {
                    mine.add(id);
                }
                outcomes.add(new Outcome(kind, key, response.statusCode(), sent, took, id,
                        response.headers().firstValue("Retry-After").orElse(null), response.body()));
            } catch (IOException e) {
                failures.add(kind + " " + key + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpRequest.Builder json(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The id under which a write with this unique name or subject is stored, or null. */
    private static String stored(Connection c, Outcome o) throws java.sql.SQLException {
        String sql = o.kind().equals("company") ? "SELECT id FROM company WHERE name = ?" : "SELECT id FROM activity WHERE subject = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, o.key());
            try (ResultSet rs = ps.executeQuery()) {
                String id = rs.next() ? rs.getString(1) : null;
                assertThat(rs.next()).as(o.key() + " written once").isFalse();
                return id;
            }
        }
    }

    private static String tokenOf(URI base) throws Exception {
        var response = HttpClient.newHttpClient().send(json(base.resolve("/api/v1/login"),
                "{\"username\":\"admin\",\"password\":\"admin-password\"}").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.field(response.body(), "access_token");
    }

    /** Waits (bounded) until {@code count} writes sent after {@code since} were acknowledged. */
    private static void awaitAcknowledgedAfter(Queue<Outcome> outcomes, long since, int count, Duration within, Queue<String> failures)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (outcomes.stream().filter(o -> o.status() == 201 && o.sentAtNanos() - since > 0).count() < count) {
            assertThat(System.nanoTime() - deadline).as(count + " writes acknowledged within " + within + "; answers so far: "
                    + statuses(outcomes, since) + ", e.g. " + outcomes.stream().filter(o -> o.status() != 200 && o.status() != 201)
                    .limit(3).map(Outcome::body).toList() + ", failures " + failures).isNegative();
            Thread.sleep(50);
        }
    }

    /** Waits (bounded) until {@code count} requests sent after {@code since} were refused with 503. */
    private static void awaitRefused(Queue<Outcome> outcomes, long since, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (outcomes.stream().filter(o -> o.status() == 503 && o.sentAtNanos() - since > 0).count() < count) {
            assertThat(System.nanoTime() - deadline).as(count + " requests refused within " + within
                    + "; answers so far: " + statuses(outcomes, since)).isNegative();
            Thread.sleep(50);
        }
    }

    private static String statuses(Queue<Outcome> outcomes, long since) {
        var counts = new java.util.TreeMap<Integer, Long>();
        outcomes.stream().filter(o -> o.sentAtNanos() - since > 0).forEach(o -> counts.merge(o.status(), 1L, Long::sum));
        return counts.toString();
    }
}
