package no.kontor.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.kontor.bootstrap.EmbeddedSecrets;
import no.kontor.embedded.postgres.EmbeddedPostgres;

/**
 * A real backup of a small embedded cluster: the file's layout (docs/operations.md, "What
 * is in the file"), and that a restore of it into a new directory starts with the rows and
 * the secrets it had. The heavy proof under load is BackupUnderLoadIT.
 */
class BackupArchiveTest {
    private Path temp;
    private Path base;
    private EmbeddedSecrets secrets;
    private final List<EmbeddedPostgres> started = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startCluster() throws Exception {
        temp = Files.createTempDirectory("kontor-backup-archive-");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        base = temp.resolve("kontor");
        secrets = EmbeddedSecrets.load(base);
        EmbeddedPostgres postgres = start(base);
        postgres.createDatabase("kontor");
        execute(postgres, "CREATE TABLE kept (id int PRIMARY KEY, name text); INSERT INTO kept SELECT g, 'rad ' || g FROM generate_series(1, 1000) g");
    }

    @AfterEach
    void stopAndDelete() throws IOException {
        started.forEach(EmbeddedPostgres::stop);
        try (Stream<Path> tree = Files.walk(temp)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theFileHoldsTheManifestTheSecretsABaseBackupAndItsEnd() throws Exception {
        Path file = temp.resolve("kontor.tar.gz");
        assertThat(run("backup", base, file)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Backing up the running PostgreSQL", "Backup written to " + file,
                "keep it as safe as the data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("as secret as the data").isEqualTo("rw-------");
        assertThat(file.resolveSibling("kontor.tar.gz.partial")).doesNotExist();

        List<String> names = new ArrayList<>();
        byte[] secretsInFile = null;
        String label = null;
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file))))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                names.add(e.getName());
                if (e.getName().equals("secrets.properties")) {
                    secretsInFile = tar.readAllBytes();
                } else if (e.getName().equals("data/backup_label")) {
                    label = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names.get(0)).isEqualTo("kontor-backup.properties");
        assertThat(names.get(1)).isEqualTo("secrets.properties");
        assertThat(names.get(names.size() - 1)).isEqualTo("kontor-backup-end.properties");
        assertThat(secretsInFile).isEqualTo(Files.readAllBytes(base.resolve("secrets.properties")));
        assertThat(label).contains("START WAL LOCATION", "CHECKPOINT LOCATION", "BACKUP METHOD: streamed", "LABEL: kontor backup");
        assertThat(names).contains("data/PG_VERSION", "data/global/pg_control", "data/pg_hba.conf", "data/postgresql.conf",
                "data/pg_wal/", "data/pg_wal/archive_status/", "data/pg_replslot/", "data/pg_stat_tmp/");
        assertThat(names).doesNotContain("data/postmaster.pid", "data/postmaster.opts");
        assertThat(names).filteredOn(n -> n.startsWith("data/pg_replslot/") || n.startsWith("data/pg_stat_tmp/")
                || n.startsWith("data/pg_subtrans/") || n.startsWith("data/pg_notify/")).allMatch(n -> n.endsWith("/"));
        assertThat(names).filteredOn(n -> n.startsWith("data/pg_wal/") && !n.endsWith("/"))
                .as("only the backup's WAL segments").isNotEmpty().allMatch(n -> n.matches("data/pg_wal/[0-9A-F]{24}"));
        assertThat(names.indexOf("data/global/pg_control")).as("pg_control is copied after the rest of the data directory")
                .isGreaterThan(names.indexOf("data/base/"));
        assertThat(names.indexOf("data/backup_label")).isGreaterThan(names.indexOf("data/global/pg_control"));
    }

    @Test
    void aRestoreStartsWithTheRowsAndTheSecretsTheBackupHad() throws Exception {
        Path file = temp.resolve("kontor.tar.gz");
        assertThat(run("backup", base, file)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        started.get(0).stop();

        Path restored = temp.resolve("restored");
        assertThat(run("restore", restored, file)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PostgreSQL recovered the backup", "Start Kontor with KONTOR_DATA_DIR=" + restored);
        assertThat(Files.readAllBytes(restored.resolve("secrets.properties"))).isEqualTo(Files.readAllBytes(base.resolve("secrets.properties")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("secrets.properties")))).isEqualTo("rw-------");
        assertThat(restored.resolve("data").resolve("backup_label")).as("recovery has consumed it").doesNotExist();

        EmbeddedPostgres again = start(restored);
        assertThat(query(again, "SELECT count(*) || ' ' || max(name COLLATE \"C\") FROM kept")).isEqualTo("1000 rad 999");

        err.reset();
        assertThat(run("restore", restored, file)).as("a second restore into the same directory").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty");
    }

    @Test
    void whenNoServerRunsTheBackupStartsOneAndStopsItAgain() throws Exception {
        started.get(0).stop();
        Path file = temp.resolve("offline.tar.gz");
        assertThat(run("backup", base, file)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No PostgreSQL runs on", "Backup written to");
        assertThat(EmbeddedPostgres.runningPort(base)).as("stopped again").isEmpty();

        Path restored = temp.resolve("restored");
        assertThat(run("restore", restored, file)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(query(start(restored), "SELECT count(*) FROM kept")).isEqualTo("1000");
    }

    private int run(String command, Path dataDir, Path file) {
        return Operations.run(new String[] {command, file.toString()}, Map.of("KONTOR_DATA_DIR", dataDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private EmbeddedPostgres start(Path dir) {
        var postgres = EmbeddedPostgres.start(dir, EmbeddedPostgres.Options.nonDurable()
                .withSuperuserPassword(secrets.superuserPassword()));
        started.add(postgres);
        return postgres;
    }

    private static void execute(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("kontor"), pg.username(), pg.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String query(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("kontor"), pg.username(), pg.password());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
