package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.adapters.persistence.schema.Migrations;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.web.testing.ApiClient;

/**
 * docs/operations-upgrade.md: a database made by the previous release migrates forward when the new one
 * starts. The released database is a {@code pg_dump} kept in {@code src/test/resources/upgrade/} (made by
 * {@link ReleasedDatabaseMaker} on the release's commit, with data written through that release's API,
 * so its audit chain, frozen documents and outbox are real). This test loads it into an empty database
 * as this run's owner, with the grants the released migrations gave the application role, runs today's
 * migrations over it, and then asks three things:
 * <ol>
 *   <li>Flyway's history ends at the newest migration on the classpath, every step a success;</li>
 *   <li>the schema is the one a fresh database migrates to: tables, columns, constraints, indexes,
 *       triggers, functions, views and the application role's grants;</li>
 *   <li>the server starts on it and reads the released data back through the API: every company,
 *       contact, activity, sale and invoice by id, the frozen PDFs byte for byte, the payments, the
 *       staff's logins; and the audit chain verifies, before and after a new write.</li>
 * </ol>
 */
class UpgradeFromReleasedSchemaTest {
    /** The previous release's database; replaced at each release (docs/operations-upgrade.md). */
    static final String RELEASED = "/upgrade/kontor-v18.sql.gz";

    @Test
    void theReleasedDatabaseMigratesForwardAndServesItsData() throws Exception {
        String name = "upgrade_" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
        String url = createEmptyDatabase(name);
        try {
            load(url);
            int applied = Migrations.migrate(url, TestPostgres.ownerUsername(), TestPostgres.ownerPassword(), TestPostgres.username());
            assertThat(applied).as("migrations applied over the released schema").isNotNegative();

            assertHistoryEndsAtTheNewestMigration(url);
            List<String> fresh = schema(TestPostgres.newDatabase("upgrade_fresh"));
            assertThat(fresh).as("the catalog queries see the schema").hasSizeGreaterThan(300);
            assertThat(schema(url)).as("the upgraded schema against a freshly migrated one").containsExactlyElementsOf(fresh);
            assertTheServerReadsTheReleasedData(url);
        } finally {
            dropDatabase(name);
        }
    }

    private static void assertHistoryEndsAtTheNewestMigration(String url) {
        var info = Flyway.configure().dataSource(url, TestPostgres.ownerUsername(), TestPostgres.ownerPassword())
                .locations("classpath:db/migration").placeholders(Map.of("appRole", TestPostgres.username())).load().info();
        MigrationInfo newest = Arrays.stream(info.all()).filter(m -> m.getVersion() != null)
                .max(Comparator.comparing(MigrationInfo::getVersion)).orElseThrow();
        assertThat(info.pending()).as("nothing left pending").isEmpty();
        assertThat(info.current().getVersion()).as("the history's last version").isEqualTo(newest.getVersion());
        assertThat(Arrays.stream(info.applied()).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed()))
                .as("every applied migration succeeded").isTrue();
        assertThat(Arrays.stream(info.applied()).map(m -> m.getVersion().getVersion()).toList())
                .as("the released history (V1..V18) is kept, and continued").startsWith(
                        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18");
    }

    private static void assertTheServerReadsTheReleasedData(String url) throws SQLException {
        var released = new Released(url);
        assertThat(released.companies).as("the dump holds companies").hasSizeGreaterThanOrEqualTo(5);
        assertThat(released.issuedPdfs).as("the dump holds issued invoices with their frozen PDFs").hasSizeGreaterThanOrEqualTo(2);
        assertThat(released.auditEntries).as("the dump holds an audit chain").isGreaterThan(20);
        assertThat(released.paidByInvoice).as("the dump holds payments").isNotEmpty();
        assertThat(released.contacts).isNotEmpty();
        assertThat(released.activities).isNotEmpty();
        assertThat(released.sales).isNotEmpty();
        assertThat(released.bookings).as("the dump holds bookings").isPositive();
        assertThat(released.outboxJobs).as("the dump holds outbox jobs").isPositive();

        Map<String, Object> properties = Map.of("datasources.default.url", url,
                "datasources.default.username", TestPostgres.username(), "datasources.default.password", TestPostgres.password());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            var admin = ApiClient.anonymous(server.getURI()).login("admin", "admin-password");
            var manager = ApiClient.anonymous(server.getURI()).login("mona", "mona-password");
            ApiClient.anonymous(server.getURI()).login("sindre", "sindre-password");

            // the logins above are audited too: the released head must be inside the chain that verifies now
            var verified = ok(manager.post("/api/v1/audit/verify", "{\"expectedHead\":{\"sequence\":" + released.headSeq
                    + ",\"hash\":\"" + released.headHash + "\"}}"));
            assertThat(ApiClient.field(verified.body(), "valid")).as(verified.body()).isEqualTo("true");
            assertThat(ApiClient.field(verified.body(), "truncated")).as(verified.body()).isEqualTo("false");
            assertThat(Long.parseLong(ApiClient.field(verified.body(), "checked"))).as(verified.body())
                    .isGreaterThanOrEqualTo(released.auditEntries);

            released.companies.forEach((id, companyName) ->
                    assertThat(ApiClient.field(ok(admin.get("/api/v1/companies/" + id)).body(), "name")).isEqualTo(companyName));
            released.contacts.forEach((id, contactName) ->
                    assertThat(ApiClient.field(ok(admin.get("/api/v1/contacts/" + id)).body(), "name")).isEqualTo(contactName));
            released.activities.forEach((id, subject) ->
                    assertThat(ApiClient.field(ok(admin.get("/api/v1/activities/" + id)).body(), "subject")).isEqualTo(subject));
            released.sales.forEach((id, stage) ->
                    assertThat(ApiClient.field(ok(admin.get("/api/v1/sales/" + id)).body(), "stage")).isEqualTo(stage));
            released.issuedPdfs.forEach((id, pdf) -> {
                var invoice = ok(manager.get("/api/v1/invoices/" + id)).body();
                assertThat(ApiClient.field(invoice, "number")).as(invoice).isEqualTo(String.valueOf(released.numbers.get(id)));
                assertThat(ApiClient.field(invoice, "paid")).as(invoice)
                        .isEqualTo(String.valueOf(released.paidByInvoice.getOrDefault(id, 0L)));
                HttpResponse<byte[]> document = manager.sendBytes(manager.request("/api/v1/invoices/" + id + "/pdf").GET().build());
                assertThat(document.statusCode()).isEqualTo(200);
                assertThat(document.body()).as("invoice " + id + "'s frozen PDF, byte for byte").isEqualTo(pdf);
            });

            var written = admin.post("/api/v1/companies", "{\"name\":\"Etter Oppgradering AS\",\"status\":\"PROSPECT\"}");
            assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
            var after = ok(manager.post("/api/v1/audit/verify", ""));
            assertThat(ApiClient.field(after.body(), "valid")).as("the chain goes on from the released head: " + after.body())
                    .isEqualTo("true");
            assertThat(Long.parseLong(ApiClient.field(after.body(), "checked"))).isGreaterThan(released.auditEntries);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(200);
        return response;
    }

    /** What the released database holds, read with SQL before the server touches it. */
    private static final class Released {
        final Map<Long, String> companies = new LinkedHashMap<>();
        final Map<Long, String> contacts = new LinkedHashMap<>();
        final Map<Long, String> activities = new LinkedHashMap<>();
        final Map<Long, String> sales = new LinkedHashMap<>();
        final Map<Long, byte[]> issuedPdfs = new LinkedHashMap<>();
        final Map<Long, Long> numbers = new LinkedHashMap<>();
        final Map<Long, Long> paidByInvoice = new LinkedHashMap<>();
        final long auditEntries;
        long headSeq;
        String headHash;
        final long bookings;
        final long outboxJobs;

        Released(String url) throws SQLException {
            try (Connection c = TestPostgres.connectAsAdmin(url); Statement st = c.createStatement()) {
                read(st, "SELECT id, name FROM company", rs -> companies.put(rs.getLong(1), rs.getString(2)));
                read(st, "SELECT id, name FROM contact", rs -> contacts.put(rs.getLong(1), rs.getString(2)));
                read(st, "SELECT id, subject FROM activity", rs -> activities.put(rs.getLong(1), rs.getString(2)));
                read(st, "SELECT id, stage FROM sale", rs -> sales.put(rs.getLong(1), rs.getString(2)));
                read(st, "SELECT id, number, pdf FROM invoice WHERE number IS NOT NULL", rs -> {
                    numbers.put(rs.getLong(1), rs.getLong(2));
                    issuedPdfs.put(rs.getLong(1), rs.getBytes(3));
                });
                read(st, "SELECT invoice_id, sum(amount) FROM payment WHERE invoice_id IS NOT NULL GROUP BY invoice_id",
                        rs -> paidByInvoice.put(rs.getLong(1), rs.getLong(2)));
                auditEntries = count(st, "SELECT count(*) FROM audit_entry");
                read(st, "SELECT seq, hash FROM audit_head", rs -> {
                    headSeq = rs.getLong(1);
                    headHash = rs.getString(2);
                });
                bookings = count(st, "SELECT count(*) FROM booking");
                outboxJobs = count(st, "SELECT count(*) FROM outbox");
            }
        }

        interface Row {
            void accept(ResultSet rs) throws SQLException;
        }

        private static void read(Statement st, String sql, Row row) throws SQLException {
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }

        private static long count(Statement st, String sql) throws SQLException {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The schema as the catalog has it, one line per object, in a stable order: what must be the same
     * whether a database was migrated from empty or upgraded from the released dump. Column positions
     * are left out (a dropped column leaves a gap that a dump closes); everything else is compared.
     */
    static List<String> schema(String url) throws SQLException {
        String app = TestPostgres.username();
        var lines = new ArrayList<String>();
        String ownObject = " NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s AND d.deptype = 'e')";
        try (Connection c = TestPostgres.connectAsAdmin(url); Statement st = c.createStatement()) {
            collect(st, lines, "relation", "SELECT c.relname || ' ' || c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S', 'p') AND" + ownObject.formatted("c.oid"));
            collect(st, lines, "column", "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' '"
                    + " || coalesce(character_maximum_length::text, '') || ' ' || coalesce(numeric_precision::text, '') || ','"
                    + " || coalesce(numeric_scale::text, '') || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')"
                    + " || ' collation=' || coalesce(collation_name, '') || ' identity=' || coalesce(identity_generation, '')"
                    + " || ' generated=' || coalesce(generation_expression, '') FROM information_schema.columns WHERE table_schema = 'public'");
            collect(st, lines, "constraint", "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace");
            collect(st, lines, "index", "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'");
            collect(st, lines, "trigger", "SELECT pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal"
                    + " AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)");
            collect(st, lines, "function", "SELECT pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
                    + " AND p.prokind IN ('f', 'p') AND" + ownObject.formatted("p.oid"));
            collect(st, lines, "view", "SELECT c.relname || ' ' || pg_get_viewdef(c.oid) FROM pg_class c"
                    + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm')");
            collect(st, lines, "sequence", "SELECT sequence_name || ' ' || data_type || ' ' || start_value || ' ' || increment"
                    + " FROM information_schema.sequences WHERE sequence_schema = 'public'");
            collect(st, lines, "extension", "SELECT extname || ' ' || extversion FROM pg_extension");
            collect(st, lines, "collation", "SELECT collname || ' ' || collprovider::text"
                    + " FROM pg_collation WHERE collnamespace = 'public'::regnamespace");
            collect(st, lines, "grant", "SELECT table_name || ' ' || privilege_type FROM information_schema.role_table_grants"
                    + " WHERE table_schema = 'public' AND grantee = '" + app + "'");
            collect(st, lines, "column grant", "SELECT table_name || '.' || column_name || ' ' || privilege_type"
                    + " FROM information_schema.column_privileges WHERE table_schema = 'public' AND grantee = '" + app + "'"
                    + " AND (table_name, privilege_type) NOT IN (SELECT table_name, privilege_type FROM information_schema.role_table_grants"
                    + " WHERE table_schema = 'public' AND grantee = '" + app + "')");
            collect(st, lines, "sequence grant", "SELECT c.relname || ' ' || coalesce(array_to_string(c.relacl, ','), '')"
                    + " FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'");
        }
        lines.sort(null);
        return lines;
    }

    private static void collect(Statement st, List<String> lines, String kind, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(kind + ": " + rs.getString(1));
            }
        }
    }

    /** An empty database owned by this run's owner, made as the test template is (ICU nb-NO where the server has it). */
    private static String createEmptyDatabase(String name) throws SQLException {
        try (Connection c = TestPostgres.connectAsAdmin(TestPostgres.maintenanceUrl()); Statement st = c.createStatement()) {
            String ctype = "C";
            try (ResultSet rs = st.executeQuery("SELECT datctype FROM pg_database WHERE datname = 'template1'")) {
                if (rs.next()) {
                    ctype = rs.getString(1).replace("'", "''");
                }
            }
            try {
                st.execute("CREATE DATABASE " + name + " OWNER " + TestPostgres.ownerUsername() + " TEMPLATE template0 ENCODING 'UTF8'"
                        + " LOCALE_PROVIDER icu ICU_LOCALE 'nb-NO' LC_COLLATE '" + ctype + "' LC_CTYPE '" + ctype + "'");
            } catch (SQLException noIcu) {
                st.execute("CREATE DATABASE " + name + " OWNER " + TestPostgres.ownerUsername() + " TEMPLATE template0 ENCODING 'UTF8'");
            }
        }
        return withDatabase(TestPostgres.maintenanceUrl(), name);
    }

    private static void dropDatabase(String name) {
        try (Connection c = TestPostgres.connectAsAdmin(TestPostgres.maintenanceUrl()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // the test server's cluster is thrown away at exit anyway
        }
    }

    /**
     * Plays the plain-SQL dump as this run's owner, as psql would: statements as they come, each
     * {@code COPY … FROM stdin} block through the driver's COPY, psql's meta-commands (lines starting with a
     * backslash) left out, and the migrations' placeholder {@code ${appRole}} in the grants replaced by
     * this run's application role.
     */
    static void load(String url) throws IOException, SQLException {
        try (InputStream raw = UpgradeFromReleasedSchemaTest.class.getResourceAsStream(RELEASED)) {
            assertThat(raw).as(RELEASED + " on the test classpath").isNotNull();
            try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
                 Connection c = DriverManager.getConnection(url, TestPostgres.ownerUsername(), TestPostgres.ownerPassword());
                 Statement st = c.createStatement()) {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                var sql = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("COPY ") && line.endsWith(" FROM stdin;")) {
                        execute(st, sql);
                        var data = new StringBuilder();
                        String row;
                        while (!(row = reader.readLine()).equals("\\.")) {
                            data.append(row).append('\n');
                        }
                        copy.copyIn(line.substring(0, line.length() - 1), new StringReader(data.toString()));
                    } else if (!line.startsWith("\\")) {
                        sql.append(line.replace("${appRole}", TestPostgres.username())).append('\n');
                    }
                }
                execute(st, sql);
            }
        }
    }

    private static void execute(Statement st, StringBuilder sql) throws SQLException {
        if (!sql.toString().isBlank()) {
            st.execute(sql.toString());
        }
        sql.setLength(0);
    }

    private static String withDatabase(String jdbcUrl, String database) {
        int hostStart = "jdbc:postgresql://".length();
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String hostPort = jdbcUrl.substring(hostStart, slash >= 0 && (query < 0 || slash < query) ? slash : query >= 0 ? query : jdbcUrl.length());
        return "jdbc:postgresql://" + hostPort + "/" + database + (query >= 0 ? jdbcUrl.substring(query) : "");
    }
}
