package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.adapters.persistence.schema.DatabaseRoles;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.bootstrap.operations.Backup;
import no.kontor.embedded.postgres.BaseBackup;
import no.kontor.embedded.postgres.EmbeddedPostgres;

/**
 * docs/operations.md: a backup taken while the server takes writes restores to a server
 * whose data holds every write acknowledged before the backup ended, whose audit chain
 * verifies with the restored secrets, and whose invoice numbers run 1..n without a gap.
 *
 * <p>The embedded default as {@code java -jar kontor.jar} runs it (EmbeddedDefault: durable
 * PostgreSQL, the owner and application roles, the secrets file), in a temporary data
 * directory; five writers (companies, activities, and two issuing invoices) run through
 * the whole backup and after it. The backup is the command's own code ({@link Backup}),
 * connecting to the running PostgreSQL as the command does.
 */
class BackupUnderLoadIT {
    private static final String ADMIN_PASSWORD = "backup-admin-password";

    /** What one writer had acknowledged by a moment of the backup. */
    private final Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
    private final Map<Long, Long> invoiceNumbers = new ConcurrentHashMap<>();
    /** What writers that began after the backup had ended wrote. */
    private final Map<String, Set<Long>> begunAfterBackup = new ConcurrentHashMap<>();
    private final AtomicBoolean backupEnded = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Test
    void aBackupUnderWritesRestoresEveryAcknowledgedRowTheAuditChainAndTheInvoiceSeries() throws Exception {
        Path temp = Files.createTempDirectory("kontor-backup-it-");
        // as root, PostgreSQL runs as nobody, which must reach the data directories
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path original = temp.resolve("original");
        Path restored = temp.resolve("restored");
        Path file = temp.resolve("kontor.tar.gz");
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            EmbeddedSecrets secrets = EmbeddedSecrets.load(original);
            var first = EmbeddedDefault.startServer(original, secrets, DatabaseRoles.Timeouts.DEFAULTS, EmbeddedDefault.DATABASE);
            toClose.add(first.postgres());
            ApplicationContext server = server(first.properties(), secrets);
            toClose.add(0, server);
            var admin = ApiClient.anonymous(server.getBean(EmbeddedServer.class).getURI()).login("admin", ADMIN_PASSWORD);

            var running = new AtomicBoolean(true);
            var writers = new ArrayList<Thread>();
            for (int i = 0; i < 3; i++) {
                writers.add(writer("companies-" + i, running, () -> companyWithActivity(admin)));
            }
            for (int i = 0; i < 2; i++) {
                writers.add(writer("invoices-" + i, running, () -> issuedInvoice(admin)));
            }
            writers.forEach(Thread::start);
            awaitWrites(60);

            var beforeStop = new HashMap<String, Set<Long>>();
            var writesAtStart = new AtomicLong();
            var writesAtStop = new AtomicLong();
            var out = new ByteArrayOutputStream();
            BaseBackup.Result result = Backup.run(original, file, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new BaseBackup.Listener() {
                        @Override
                        public void started(String startLsn) {
                            writesAtStart.set(writes.get());
                            awaitWrites(writesAtStart.get() + 20); // the copy runs while writes go on, however fast it is
                        }

                        @Override
                        public void copied(long files, long bytes) {
                            writesAtStop.set(writes.get());
                            acknowledged.forEach((kind, ids) -> beforeStop.put(kind, Set.copyOf(ids)));
                        }
                    });
            // a write begun from here commits after pg_backup_stop returned: it is not in the backup
            backupEnded.set(true);
            awaitWrites(writes.get() + 30);
            running.set(false);
            for (Thread t : writers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(failures).as("the writers' failures").isEmpty();
            assertThat(writesAtStop.get() - writesAtStart.get()).as("writes acknowledged while the files were copied")
                    .isGreaterThanOrEqualTo(20);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Backup written to " + file);
            Map<String, Set<Long>> writtenLater = begunAfterBackup;
            assertThat(writtenLater.get("company")).as("companies written after the backup").isNotEmpty();
            server.close();
            toClose.remove(server);

            var restoreOut = new ByteArrayOutputStream();
            no.kontor.bootstrap.operations.Restore.run(restored, file, new PrintStream(restoreOut, true, StandardCharsets.UTF_8));
            EmbeddedSecrets restoredSecrets = EmbeddedSecrets.load(restored);
            assertThat(restoredSecrets.applicationProperties()).as("the audit, token and PIN keys travel with the backup")
                    .isEqualTo(secrets.applicationProperties());
            var second = EmbeddedDefault.startServer(restored, restoredSecrets, DatabaseRoles.Timeouts.DEFAULTS,
                    EmbeddedDefault.DATABASE);
            toClose.add(second.postgres());
            ApplicationContext again = server(second.properties(), restoredSecrets);
            toClose.add(0, again);
            var restoredAdmin = ApiClient.anonymous(again.getBean(EmbeddedServer.class).getURI()).login("admin", ADMIN_PASSWORD);

            Map<String, Set<Long>> inRestored = rows(second.postgres());
            for (String kind : List.of("company", "activity", "invoice")) {
                assertThat(inRestored.get(kind)).as("every %s acknowledged before the backup ended", kind)
                        .containsAll(beforeStop.getOrDefault(kind, Set.of()));
                assertThat(inRestored.get(kind)).as("no %s written after the backup ended", kind)
                        .doesNotContainAnyElementsOf(writtenLater.getOrDefault(kind, Set.of()));
            }
            assertThat(beforeStop.get("invoice")).as("invoices issued before the backup ended").isNotEmpty();
            List<Long> numbers = numbers(second.postgres());
            System.out.printf("BackupUnderLoadIT: %d writes acknowledged while the files were copied; restored %d companies,"
                    + " %d activities, invoices 1..%d; %d rows written after the backup are not there%n",
                    writesAtStop.get() - writesAtStart.get(), inRestored.get("company").size(), inRestored.get("activity").size(),
                    numbers.size(), writtenLater.values().stream().mapToInt(Set::size).sum());
            assertThat(numbers).as("the invoice series, 1..n without a gap")
                    .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
            for (long id : beforeStop.get("invoice")) {
                assertThat(numbers).contains(invoiceNumbers.get(id));
            }

            var verified = restoredAdmin.post("/api/v1/audit/verify", "");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(verified.body()).as("the audit chain verifies with the restored key").contains("\"valid\":true");

            String company = ApiClient.field(restoredAdmin.post("/api/v1/companies",
                    "{\"name\":\"Etter Gjenoppretting AS\",\"status\":\"PROSPECT\"}").body(), "id");
            var next = issue(restoredAdmin, company);
            assertThat(Long.parseLong(ApiClient.field(next.body(), "number"))).as("the series goes on where it was")
                    .isEqualTo(numbers.size() + 1L);
        } finally {
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    failures.add(e);
                }
            }
            try (Stream<Path> tree = Files.walk(temp)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }

    private static ApplicationContext server(Map<String, Object> datasource, EmbeddedSecrets secrets) {
        var props = new HashMap<String, Object>(datasource);
        props.putAll(secrets.applicationProperties()); // the data directory's keys, as Application does
        props.put("datasources.default.maximum-pool-size", 8);
        props.put("micronaut.server.port", -1);
        props.put("kontor.admin.username", "admin");
        props.put("kontor.admin.password", ADMIN_PASSWORD);
        props.put("kontor.security.bcrypt-cost", 4);
        props.put("kontor.jobs.enabled", false); // no PDF rendering: the two cores go to the writes and the backup
        props.put("kontor.invoicing.seller.name", "Sikkerhetskopi Avis AS");
        props.put("kontor.invoicing.seller.organisation-number", "974760673");
        props.put("kontor.invoicing.seller.account", "86011117947");
        props.put("kontor.invoicing.seller.email", "faktura@sikkerhetskopi.example");
        props.put("kontor.invoicing.seller.vat-registered-from", "2024-01-01");
        // not the test environment: its fixed keys would hide keys that did not travel
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(props).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    private interface Write {
        void run() throws Exception;
    }

    private Thread writer(String name, AtomicBoolean running, Write write) {
        var thread = new Thread(() -> {
            try {
                while (running.get()) {
                    write.run();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    private void companyWithActivity(ApiClient admin) {
        boolean after = backupEnded.get();
        var company = admin.post("/api/v1/companies", "{\"name\":\"Last " + System.nanoTime() + " AS\",\"status\":\"PROSPECT\"}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
        String id = ApiClient.field(company.body(), "id");
        acknowledge("company", Long.parseLong(id), after);
        var activity = admin.post("/api/v1/companies/" + id + "/activities",
                "{\"kind\":\"PHONE_CALL\",\"direction\":\"OUTBOUND\",\"subject\":\"Ringte om annonse\"}");
        assertThat(activity.statusCode()).as(activity.body()).isEqualTo(201);
        acknowledge("activity", Long.parseLong(ApiClient.field(activity.body(), "id")), after);
    }

    private void issuedInvoice(ApiClient admin) {
        boolean after = backupEnded.get();
        var company = admin.post("/api/v1/companies", "{\"name\":\"Kunde " + System.nanoTime() + " AS\",\"status\":\"CUSTOMER\"}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
        String companyId = ApiClient.field(company.body(), "id");
        acknowledge("company", Long.parseLong(companyId), after);
        var issued = issue(admin, companyId);
        long id = Long.parseLong(ApiClient.field(issued.body(), "id"));
        invoiceNumbers.put(id, Long.parseLong(ApiClient.field(issued.body(), "number")));
        acknowledge("invoice", id, after);
    }

    private static java.net.http.HttpResponse<String> issue(ApiClient admin, String companyId) {
        String draft = ApiInvoices.draft(admin, admin, companyId);
        var issued = admin.post("/api/v1/invoices/" + draft + "/issue", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return issued;
    }

    private void acknowledge(String kind, long id, boolean begunAfterTheBackup) {
        acknowledged.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet()).add(id);
        if (begunAfterTheBackup) {
            begunAfterBackup.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet()).add(id);
        }
        writes.incrementAndGet();
    }

    /** Waits until {@code count} writes are acknowledged (or a writer failed, or two minutes passed). */
    private void awaitWrites(long count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (writes.get() < count && failures.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20); // polling the writers' progress, not timing anything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(failures).as("the writers' failures").isEmpty();
        assertThat(writes.get()).as("writes acknowledged").isGreaterThanOrEqualTo(count);
    }

    private static Map<String, Set<Long>> rows(EmbeddedPostgres postgres) throws SQLException {
        var result = new HashMap<String, Set<Long>>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(EmbeddedDefault.DATABASE), postgres.username(),
                postgres.password()); Statement st = c.createStatement()) {
            for (String table : List.of("company", "activity", "invoice")) {
                var ids = new HashSet<Long>();
                try (ResultSet rs = st.executeQuery("SELECT id FROM " + table)) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                result.put(table, ids);
            }
        }
        return result;
    }

    private static List<Long> numbers(EmbeddedPostgres postgres) throws SQLException {
        var numbers = new ArrayList<Long>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(EmbeddedDefault.DATABASE), postgres.username(),
                postgres.password()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT number FROM invoice WHERE number IS NOT NULL ORDER BY number")) {
            while (rs.next()) {
                numbers.add(rs.getLong(1));
            }
        }
        return numbers;
    }
}
