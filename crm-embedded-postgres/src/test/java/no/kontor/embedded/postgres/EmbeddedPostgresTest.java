package no.kontor.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher against real PostgreSQL processes. The tests share one base directory,
 * so the binaries are unpacked once; each test that needs a new cluster removes
 * {@code data/} first.
 */
class EmbeddedPostgresTest {

    static Path base;

    static final EmbeddedPostgres.Options DURABLE = EmbeddedPostgres.Options.durable()
            .withSuperuserPassword("durable-test-superuser-password");
    static final EmbeddedPostgres.Options NON_DURABLE = EmbeddedPostgres.Options.nonDurable()
            .withSuperuserPassword("durable-test-superuser-password");

    @BeforeAll
    static void createBaseDirectory() throws IOException {
        // under the temp directory with mode 755: as root, PostgreSQL runs as nobody, which must reach it
        base = Files.createTempDirectory("kontor-embedded-test-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void deleteBaseDirectory() throws IOException {
        PostgresBinaries.deleteRecursively(base);
    }

    static void removeCluster() throws IOException {
        PostgresBinaries.deleteRecursively(base.resolve("data"));
    }

    static String query(EmbeddedPostgres pg, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.username(), pg.password());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void execute(EmbeddedPostgres pg, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.username(), pg.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void keepsCommittedDataAcrossAStopAndAStartAndRunsDurable() throws Exception {
        removeCluster();
        Object binariesBefore;
        try (EmbeddedPostgres first = EmbeddedPostgres.start(base, DURABLE)) {
            assertThat(query(first, "postgres", "SHOW fsync")).isEqualTo("on");
            assertThat(query(first, "postgres", "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(first, "postgres", "SHOW full_page_writes")).isEqualTo("on");
            assertThat(query(first, "postgres", "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(first, "postgres", "SHOW data_checksums")).isEqualTo("on");
            assertThat(first.createDatabase("kontor")).isEqualTo(first.jdbcUrl("kontor"));
            first.createDatabase("kontor"); // a second call finds it and leaves it alone
            execute(first, "kontor", "CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)");
            execute(first, "kontor", "INSERT INTO note VALUES (1, 'Blåbærsyltetøy')");
            binariesBefore = Files.getAttribute(base.resolve("pg-17.6.0"), "unix:ino");
        }
        assertThat(Files.exists(base.resolve("data/postmaster.pid"))).as("stopped cleanly").isFalse();
        assertThat(Files.readString(base.resolve("data/PG_VERSION")).strip()).isEqualTo("17");
        assertThat(base.resolve("postgres.log")).isNotEmptyFile();

        try (EmbeddedPostgres second = EmbeddedPostgres.start(base, DURABLE)) {
            assertThat(query(second, "kontor", "SELECT text FROM note WHERE id = 1")).isEqualTo("Blåbærsyltetøy");
            assertThat(second.majorVersion()).isEqualTo(17);
            assertThat(second.serverVersion()).startsWith("17.");
            assertThat(Files.getAttribute(base.resolve("pg-17.6.0"), "unix:ino")).as("binaries reused, not unpacked again")
                    .isEqualTo(binariesBefore);
            assertThat(base.resolve("pg-17.6.0").resolve(PostgresBinaries.MARKER)).isRegularFile();
            assertThat(Files.isExecutable(base.resolve("pg-17.6.0/bin/postgres"))).isTrue();
        }
        try (var children = Files.list(base)) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .as("no half-unpacked or half-initialised leftovers")
                    .noneMatch(name -> name.contains(".unpacking-") || name.endsWith(".initdb"));
        }
    }

    @Test
    void sortsNorwegianAndTreatsÆØÅAsLetters() throws Exception {
        removeCluster();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, NON_DURABLE)) {
            assertThat(query(pg, "postgres", "SHOW fsync")).isEqualTo("off");
            pg.createDatabase("kontor");
            assertThat(query(pg, "kontor",
                    "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('Å'),('Ø'),('Æ'),('Z'),('a'),('B')) v(x)"))
                    .isEqualTo("a,B,Z,Æ,Ø,Å");
            assertThat(query(pg, "kontor", "SELECT datlocprovider::text || ' ' || datlocale FROM pg_database WHERE datname = 'kontor'"))
                    .isEqualTo("i nb-NO");
            // with LC_CTYPE "C" these fail: full-text search would keep 'Ærlig', pg_trgm would see no letter in ø
            assertThat(query(pg, "kontor", "SELECT to_tsvector('simple', 'ÆRLIG BJØRN')::text"))
                    .isEqualTo("'bjørn':2 'ærlig':1");
            execute(pg, "kontor", "CREATE EXTENSION pg_trgm");
            execute(pg, "kontor", "CREATE EXTENSION btree_gist");
            // a word of its own: two trigrams ("  ø", " ø "), none at all when ø is not a letter
            assertThat(query(pg, "kontor", "SELECT array_length(show_trgm('ø'), 1)")).isEqualTo("2");
        }
    }

    @Test
    void refusesADataDirectoryFromAnotherMajorVersion() throws Exception {
        removeCluster();
        EmbeddedPostgres.start(base, NON_DURABLE).stop();
        Path versionFile = base.resolve("data/PG_VERSION");
        Files.writeString(versionFile, "16\n");
        Path data = base.resolve("data");

        assertThatThrownBy(() -> EmbeddedPostgres.start(base, DURABLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL 16")
                .hasMessageContaining("major version 17")
                .hasMessageContaining(data.toString())
                .hasMessageContaining("pg_dumpall");
        assertThat(Files.readString(versionFile, StandardCharsets.UTF_8)).as("nothing re-initialised").isEqualTo("16\n");
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void refusesToStartASecondServerOnADataDirectoryInUse() throws Exception {
        removeCluster();
        try (EmbeddedPostgres running = EmbeddedPostgres.start(base, NON_DURABLE)) {
            execute(running, "postgres", "CREATE TABLE still_here (x int)");
            long pid = Long.parseLong(Files.readAllLines(base.resolve("data/postmaster.pid")).get(0).strip());

            assertThatThrownBy(() -> EmbeddedPostgres.start(base, NON_DURABLE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining("pid " + pid)
                    .hasMessageContaining("port " + running.port());
            assertThat(query(running, "postgres", "SELECT count(*) FROM still_here")).as("the first server is unharmed")
                    .isEqualTo("0");
        }
    }

    @Test
    void refusesAChangedCollationVersionUntilToldToReindex() throws Exception {
        removeCluster();
        String actual;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, NON_DURABLE)) {
            pg.createDatabase("kontor");
            execute(pg, "kontor", "CREATE TABLE company (name text PRIMARY KEY)");
            actual = query(pg, "postgres", "SELECT datcollversion FROM pg_database WHERE datname = 'kontor'");
            // what an upgrade of the binaries' ICU looks like from the catalogue
            execute(pg, "postgres", "UPDATE pg_database SET datcollversion = '1.0' WHERE datname = 'kontor'");
        }
        assertThat(actual).isNotBlank().isNotEqualTo("1.0");

        assertThatThrownBy(() -> EmbeddedPostgres.start(base, NON_DURABLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kontor (recorded 1.0")
                .hasMessageContaining("now gives " + actual)
                .hasMessageContaining("REINDEX DATABASE")
                .hasMessageContaining("REFRESH COLLATION VERSION");
        assertThat(base.resolve("data/postmaster.pid")).as("the refused server was stopped").doesNotExist();

        var reindexing = NON_DURABLE.withRefreshCollationVersion(true);
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, reindexing)) {
            assertThat(query(pg, "postgres", "SELECT datcollversion FROM pg_database WHERE datname = 'kontor'"))
                    .isEqualTo(actual);
        }
        EmbeddedPostgres.start(base, NON_DURABLE).stop(); // and now without the option
    }

    @Test
    void everyConnectionProvesAPasswordAndATrustingClusterIsMovedToPasswords() throws Exception {
        removeCluster();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, NON_DURABLE)) {
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), "not-the-password"))
                    .hasMessageContaining("password authentication failed");
            assertThat(query(pg, "postgres", "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"))
                    .isEqualTo("0");
        }
        // a cluster made by an earlier Kontor trusted every local connection
        Files.writeString(base.resolve("data/pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        var renewed = NON_DURABLE.withSuperuserPassword("a-new-superuser-password-from-the-secrets");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, renewed)) {
            assertThat(query(pg, "postgres", "SELECT 1")).isEqualTo("1");
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), ""))
                    .hasMessageContaining("password");
            assertThat(query(pg, "postgres", "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
        }
    }

    @Test
    void aDurableClusterCannotStartWithoutAKnownPassword() throws Exception {
        removeCluster();
        assertThatThrownBy(() -> EmbeddedPostgres.start(base, EmbeddedPostgres.Options.durable()))
                .hasMessageContaining("withSuperuserPassword");
    }

    @Test
    void namesTheDirectoryThatNobodyCannotReach() throws Exception {
        Path closed = Files.createTempDirectory("kontor-closed-");
        try {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
            Path inside = closed.resolve("kontor");
            assertThat(ServerUser.firstUnreachable(inside, ServerUser.NOBODY_FALLBACK_ID, ServerUser.NOBODY_FALLBACK_ID))
                    .hasValueSatisfying(reason -> assertThat(reason).startsWith(closed + " is mode 700"));
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(ServerUser.firstUnreachable(inside, ServerUser.NOBODY_FALLBACK_ID, ServerUser.NOBODY_FALLBACK_ID))
                    .isEmpty();
        } finally {
            Files.delete(closed);
        }
    }

    @Test
    void defaultBaseDirectoryIsReachableByNobodyAsRootAndPrivateOtherwise() {
        Path dir = EmbeddedPostgres.defaultBaseDirectory();
        if (ServerUser.isRoot()) {
            assertThat(dir).isEqualTo(Path.of("/var/lib/kontor"));
        } else {
            assertThat(dir.toString()).endsWith("/kontor").doesNotStartWith("/var/lib");
        }
    }
}
