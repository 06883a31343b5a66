package no.kontor.adapters.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import no.kontor.embedded.postgres.EmbeddedPostgres;
import no.kontor.adapters.persistence.schema.DatabaseRoles;
import no.kontor.adapters.persistence.schema.Migrations;

/**
 * One PostgreSQL server per test JVM, a template database migrated once, and a fresh
 * database cloned from it for every caller ({@code CREATE DATABASE … TEMPLATE}).
 *
 * <p>The server, chosen once, in this order:
 * <ol>
 *   <li>{@code KONTOR_TEST_DATABASE_URL}: a JDBC URL of an existing server's
 *       maintenance database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
 *       (the user and password come from the URL's {@code user}/{@code password}
 *       parameters, or from {@code KONTOR_TEST_DATABASE_USER}/{@code _PASSWORD}); the
 *       user must be allowed to create databases. What this JVM creates there it drops
 *       at exit.</li>
 *   <li>Testcontainers ({@code postgres:17-alpine}) where a Docker engine answers.
 *       Exercised only where Docker runs.</li>
 *   <li>Else Kontor's embedded PostgreSQL, in a fresh temporary directory (under the
 *       system temp directory, mode 755, so that {@code nobody} can reach it when the
 *       tests run as root), not durable, stopped and deleted at exit.</li>
 * </ol>
 *
 * <p>Names carry a random run id ({@code kontor_tpl_<run>}, {@code <hint>_<n>_<run>}),
 * so test JVMs running in parallel on one configured server do not collide. The
 * template is made with ICU collation {@code nb-NO} where the server supports it
 * (PostgreSQL 15+ with ICU), so Norwegian order holds on every path.
 */
public final class TestPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final String ENV_URL = "KONTOR_TEST_DATABASE_URL";
    private static final String IMAGE = "postgres:17-alpine";
    private static final int MAX_IDENTIFIER = 63;

    private TestPostgres() {
    }

    /** A fresh database cloned from the migrated template; its JDBC URL. Thread-safe. */
    public static String newDatabase(String hint) {
        return Server.INSTANCE.newDatabase(hint);
    }

    /**
     * The application's role, which tests connect as, like the server does: it may read and
     * write what the migrations grant it, and nothing else.
     */
    public static String username() {
        return Server.INSTANCE.appRole;
    }

    public static String password() {
        return Server.INSTANCE.appPassword;
    }

    /** The schema's owner, which migrates (this run's own role). */
    public static String ownerUsername() {
        return Server.INSTANCE.ownerRole;
    }

    public static String ownerPassword() {
        return Server.INSTANCE.ownerPassword;
    }

    /**
     * The server's administrator (a superuser on the embedded and Testcontainers servers):
     * for tests that tamper with what the application role cannot touch.
     */
    public static String adminUsername() {
        return Server.INSTANCE.user;
    }

    public static String adminPassword() {
        return Server.INSTANCE.password;
    }

    /** A connection to a test database as the server's administrator. */
    public static Connection connectAsAdmin(String url) throws SQLException {
        return Server.INSTANCE.connect(url);
    }

    /** The migrated template's name (it accepts no connections). */
    public static String templateName() {
        return Server.INSTANCE.template;
    }

    /** The JDBC URL of the server's maintenance database, for tests that look at the server itself. */
    public static String maintenanceUrl() {
        return Server.INSTANCE.maintenanceUrl;
    }

    /** Where the server came from: {@code configured}, {@code testcontainers} or {@code embedded}. */
    public static String source() {
        return Server.INSTANCE.source;
    }

    /** The lazy per-JVM singleton (initialised by the class loader, once, thread-safely). */
    private static final class Server {
        static final Server INSTANCE = new Server();

        final String source;
        final String maintenanceUrl;
        final String user;
        final String password;
        final String runId = randomId();
        final String template = "kontor_tpl_" + runId;
        final String ownerRole = Migrations.DEFAULT_OWNER_ROLE + "_" + runId;
        final String ownerPassword = randomPassword();
        final String appRole = Migrations.DEFAULT_APP_ROLE + "_" + runId;
        final String appPassword = randomPassword();
        private final AtomicInteger counter = new AtomicInteger();
        private final List<String> created = new ArrayList<>();

        private Server() {
            long started = System.nanoTime();
            String configured = System.getenv(ENV_URL);
            if (configured != null && !configured.isBlank()) {
                source = "configured";
                maintenanceUrl = configured.strip();
                user = firstNonBlank(System.getenv("KONTOR_TEST_DATABASE_USER"), parameter(maintenanceUrl, "user"), "postgres");
                password = firstNonBlank(System.getenv("KONTOR_TEST_DATABASE_PASSWORD"), parameter(maintenanceUrl, "password"), "");
                Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated, "test-postgres-cleanup"));
            } else if (dockerAvailable()) {
                source = "testcontainers";
                var container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE)).withDatabaseName("postgres");
                container.start(); // Testcontainers removes it when the JVM exits
                maintenanceUrl = container.getJdbcUrl();
                user = container.getUsername();
                password = container.getPassword();
            } else {
                source = "embedded";
                Path base = temporaryBaseDirectory();
                EmbeddedPostgres embedded = EmbeddedPostgres.start(base, EmbeddedPostgres.Options.nonDurable());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.stop();
                    } finally {
                        deleteQuietly(base);
                    }
                }, "test-postgres-stop"));
                maintenanceUrl = embedded.jdbcUrl("postgres");
                user = embedded.username();
                password = embedded.password();
            }
            createRoles();
            createTemplate();
            LOG.info("Test PostgreSQL ({}) ready with template {} in {} ms: {}", source, template,
                    (System.nanoTime() - started) / 1_000_000, maintenanceUrl);
        }

        synchronized String newDatabase(String hint) {
            String name = databaseName(hint, counter.incrementAndGet(), runId);
            try (Connection c = connect(maintenanceUrl); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name + " TEMPLATE " + template + " OWNER " + ownerRole);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name + " from " + template + ": " + e.getMessage(), e);
            }
            created.add(name);
            return urlFor(maintenanceUrl, name);
        }

        /** This run's owner and application roles, the latter with the timeouts a server gives it. */
        private void createRoles() {
            try (Connection c = connect(maintenanceUrl)) {
                DatabaseRoles.ensureLoginRole(c, ownerRole, ownerPassword);
                DatabaseRoles.ensureLoginRole(c, appRole, appPassword);
                DatabaseRoles.applyTimeouts(c, appRole, null, DatabaseRoles.Timeouts.DEFAULTS);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create this run's roles on " + maintenanceUrl
                        + " (the user needs CREATEROLE): " + e.getMessage(), e);
            }
        }

        /** Makes the template (ICU nb-NO where possible), migrates it as the owner, and closes it to connections. */
        private void createTemplate() {
            try (Connection c = connect(maintenanceUrl); Statement st = c.createStatement()) {
                String ctype = "C";
                try (ResultSet rs = st.executeQuery("SELECT datctype FROM pg_database WHERE datname = 'template1'")) {
                    if (rs.next()) {
                        ctype = rs.getString(1);
                    }
                }
                try {
                    st.execute("CREATE DATABASE " + template + " OWNER " + ownerRole + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu"
                            + " ICU_LOCALE 'nb-NO' LC_COLLATE '" + ctype.replace("'", "''") + "' LC_CTYPE '"
                            + ctype.replace("'", "''") + "'");
                } catch (SQLException noIcu) {
                    LOG.warn("This server cannot make an ICU nb-NO database ({}); the template uses the server's default"
                            + " collation, so Norwegian order (Æ, Ø, Å after Z) may not hold", noIcu.getMessage());
                    st.execute("CREATE DATABASE " + template + " OWNER " + ownerRole);
                }
                created.add(template);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the template database " + template + " on " + maintenanceUrl
                        + ": " + e.getMessage(), e);
            }
            String templateUrl = urlFor(maintenanceUrl, template);
            Migrations.migrate(templateUrl, ownerRole, ownerPassword, appRole);
            try (Connection c = connect(maintenanceUrl); Statement st = c.createStatement()) {
                st.execute("ALTER DATABASE " + template + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
                // a session left open on the template would make every CREATE DATABASE … TEMPLATE fail
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + template
                        + "' AND pid <> pg_backend_pid()");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot mark " + template + " as a template: " + e.getMessage(), e);
            }
        }

        /** At exit, on a configured server: drops this JVM's databases, the template last. */
        private synchronized void dropCreated() {
            try (Connection c = connect(maintenanceUrl); Statement st = c.createStatement()) {
                for (int i = created.size() - 1; i >= 0; i--) {
                    String name = created.get(i);
                    try {
                        st.execute("ALTER DATABASE " + name + " WITH IS_TEMPLATE false");
                        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    } catch (SQLException e) {
                        LOG.warn("cannot drop test database {}: {}", name, e.getMessage());
                    }
                }
                for (String role : new String[] {appRole, ownerRole}) {
                    try {
                        st.execute("DROP ROLE IF EXISTS " + role);
                    } catch (SQLException e) {
                        LOG.warn("cannot drop test role {}: {}", role, e.getMessage());
                    }
                }
            } catch (SQLException e) {
                LOG.warn("cannot drop this run's test databases on {}: {}", maintenanceUrl, e.getMessage());
            }
        }

        Connection connect(String url) throws SQLException {
            var properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            return DriverManager.getConnection(url, properties);
        }
    }

    /**
     * A database name from a hint (e.g. a test class's simple name): lower-case
     * letters, digits and underscores, then the counter and the run id, within
     * PostgreSQL's 63 characters. Needs no quoting.
     */
    static String databaseName(String hint, int counter, String runId) {
        String clean = (hint == null ? "" : hint).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "t_" + clean;
        }
        String suffix = "_" + counter + "_" + runId;
        if (clean.length() + suffix.length() > MAX_IDENTIFIER) {
            clean = clean.substring(0, MAX_IDENTIFIER - suffix.length());
        }
        return clean + suffix;
    }

    /** The same JDBC URL with another database (the query string is kept). */
    static String urlFor(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(ENV_URL + " must be a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
        int hostStart = "jdbc:postgresql://".length();
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String hostPort = jdbcUrl.substring(hostStart, slash >= 0 && (query < 0 || slash < query) ? slash : query >= 0 ? query : jdbcUrl.length());
        String rest = query >= 0 ? jdbcUrl.substring(query) : "";
        return "jdbc:postgresql://" + hostPort + "/" + database + rest;
    }

    private static String parameter(String jdbcUrl, String name) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String randomId() {
        var random = new SecureRandom();
        var id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return id.toString();
    }

    /** A fresh directory that {@code nobody} can reach when the tests run as root (mode 755, under the temp directory). */
    static Path temporaryBaseDirectory() {
        try {
            Path dir = Files.createTempDirectory("kontor-test-pg-");
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: no such modes, and no root
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the test PostgreSQL", e);
        }
    }

    static void deleteQuietly(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot delete {}", root, e);
        }
    }
}
