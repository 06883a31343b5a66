package no.kontor.bootstrap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * What every benchmark shares: the server's properties on a given database (fixed
 * secrets for benchmarks only, a cheap bcrypt cost, an admin to log in as), and a
 * small HTTP client that logs in and checks statuses.
 */
final class BenchServer {
    static final String ADMIN_PASSWORD = "bench-admin-password";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String token;

    private BenchServer(URI base) throws Exception {
        this.base = base;
        var r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        this.token = r.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** A client logged in as the benchmark's admin. */
    static BenchServer login(URI base) throws Exception {
        return new BenchServer(base);
    }

    /** A benchmark's database on the embedded PostgreSQL in {@code target/<directory>}, prepared as the embedded default is. */
    static Database embedded(String directory, String database) {
        java.nio.file.Path base = java.nio.file.Path.of("target", directory).toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(base);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var launched = no.kontor.bootstrap.EmbeddedDefault.startServer(base, no.kontor.bootstrap.EmbeddedSecrets.load(base),
                no.kontor.adapters.persistence.schema.DatabaseRoles.Timeouts.DEFAULTS, database);
        var props = launched.properties();
        return new Database((String) props.get("datasources.default.url"), (String) props.get("datasources.default.username"),
                (String) props.get("datasources.default.password"), launched.postgres());
    }

    /**
     * Where a benchmark's server connects, as the application role; {@code postgres} is the embedded
     * server it runs on, or null for an external database. Closing stops the embedded one.
     */
    record Database(String url, String user, String password, no.kontor.embedded.postgres.EmbeddedPostgres postgres)
            implements AutoCloseable {
        Database(String url, String user, String password) {
            this(url, user, password, null);
        }

        java.sql.Connection connect() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() {
            if (postgres != null) {
                postgres.stop();
            }
        }
    }

    /** An admin the benchmark can log in as: generated data sets have staff whose passwords nobody knows. */
    static void ensureAdmin(String url, String superuser, String password) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url, superuser, password);
             var ps = c.prepareStatement("INSERT INTO staff_user (username, display_name, password_hash, role, created_at, changed_at) "
                     + "VALUES ('admin', 'Benchmark', ?, 'ADMIN', now(), now()) ON CONFLICT (username) DO NOTHING")) {
            ps.setString(1, new no.kontor.application.identity.BcryptPasswordHasher(4).hash(ADMIN_PASSWORD.toCharArray()));
            ps.executeUpdate();
        }
    }

    static Map<String, Object> properties(Database db, int poolSize) {
        var props = new HashMap<String, Object>(Map.of(
                "datasources.default.url", db.url(), "datasources.default.username", db.user(),
                "datasources.default.password", db.password(), "datasources.default.maximum-pool-size", poolSize,
                "kontor.audit.key", "bench-audit-key-0123456789abcdef0123456789",
                "kontor.security.jwt-secret", "bench-jwt-secret-0123456789abcdef0123456789",
                "kontor.invoicing.pin-key", "bench-pin-key-0123456789abcdef0123456789ab",
                "kontor.admin.username", "admin", "kontor.admin.password", ADMIN_PASSWORD,
                "micronaut.server.port", -1));
        props.put("kontor.invoicing.seller.name", "Benkeavisa AS");
        props.put("kontor.invoicing.seller.organisation-number", "974760673");
        props.put("kontor.invoicing.seller.account", "86011117947");
        props.put("kontor.invoicing.seller.email", "faktura@benkeavisa.example");
        props.put("kontor.invoicing.seller.vat-registered-from", "2024-01-01");
        props.put("kontor.security.bcrypt-cost", 4);
        return props;
    }

    URI base() {
        return base;
    }

    String token() {
        return token;
    }

    HttpClient http() {
        return http;
    }

    /** A request with the admin's token; {@code expected} > 0 is checked, -1 accepts any status. */
    HttpResponse<String> send(String method, String path, String json, int expected) throws Exception {
        var b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 && r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /** The {@code id} of a created resource's JSON. */
    static long id(HttpResponse<String> r) {
        return Long.parseLong(r.body().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    }
}
