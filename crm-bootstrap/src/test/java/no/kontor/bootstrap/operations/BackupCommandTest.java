package no.kontor.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bad inputs of {@code backup} and {@code restore} (docs/operations.md): each is refused
 * with a sentence that says what is wrong, exit status 2, and nothing written or overwritten.
 */
class BackupCommandTest {
    private Path temp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createTemp() throws IOException {
        temp = Files.createTempDirectory("kontor-backup-command-");
        // as root, the restore's PostgreSQL runs as nobody, which must reach it
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void deleteTemp() throws IOException {
        try (Stream<Path> tree = Files.walk(temp)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int run(Map<String, String> env, String... args) {
        return Operations.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> dataDir(Path dir) {
        var env = new HashMap<String, String>();
        env.put("KONTOR_DATA_DIR", dir.toString());
        return env;
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAFileEachCommandSaysHowToCallIt() {
        assertThat(run(dataDir(temp), "backup")).isEqualTo(2);
        assertThat(error()).contains("usage: java -jar kontor.jar backup <file>");
        assertThat(run(dataDir(temp), "restore", " ")).isEqualTo(2);
        assertThat(error()).contains("usage: java -jar kontor.jar restore <file>", "must be empty");
    }

    @Test
    void onAnExternalDatabaseBackupPointsToPgDumpAndTheSecretsToKeep() {
        var env = dataDir(temp);
        env.put("KONTOR_DATABASE_URL", "jdbc:postgresql://db:5432/kontor");
        assertThat(run(env, "backup", temp.resolve("b.tar.gz").toString())).isEqualTo(2);
        assertThat(error()).contains("pg_dump", "pg_basebackup", "KONTOR_AUDIT_KEY", "docs/operations.md");
        assertThat(temp.resolve("b.tar.gz")).doesNotExist();
        assertThat(run(env, "restore", temp.resolve("b.tar.gz").toString())).isEqualTo(2);
        assertThat(error()).contains("pg_restore");
    }

    @Test
    void backupNeverOverwritesAFile() throws IOException {
        Path existing = Files.writeString(temp.resolve("existing.tar.gz"), "keep me");
        assertThat(run(dataDir(temp.resolve("data-dir")), "backup", existing.toString())).isEqualTo(2);
        assertThat(error()).contains(existing + " exists", "never overwrites");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void backupOfADirectoryWithoutKontorDataSaysSo() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertThat(run(dataDir(empty), "backup", temp.resolve("b.tar.gz").toString())).isEqualTo(2);
        assertThat(error()).contains("no Kontor data", "KONTOR_DATA_DIR");
        assertThat(temp.resolve("b.tar.gz")).doesNotExist();
        assertThat(run(dataDir(empty), "backup", temp.resolve("no-such-dir").resolve("b.tar.gz").toString())).isEqualTo(2);
        assertThat(error()).contains("does not exist");
    }

    @Test
    void restoreNeverWritesIntoADirectoryThatHoldsAnything() throws IOException {
        Path target = Files.createDirectory(temp.resolve("target"));
        Files.writeString(target.resolve("something.txt"), "mine");
        Path backup = archive(manifest("17"), true, true);
        assertThat(run(dataDir(target), "restore", backup.toString())).isEqualTo(2);
        assertThat(error()).contains(target + " is not empty", "never overwrites");
        try (Stream<Path> children = Files.list(target)) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly("something.txt");
        }
    }

    @Test
    void restoreOfAMissingFileSaysSo() {
        assertThat(run(dataDir(temp.resolve("target")), "restore", temp.resolve("nothing.tar.gz").toString())).isEqualTo(2);
        assertThat(error()).contains("does not exist");
        assertThat(temp.resolve("target")).doesNotExist();
    }

    @Test
    void restoreRefusesWhatIsNotAKontorBackup() throws IOException {
        Path target = temp.resolve("target");
        Path text = Files.writeString(temp.resolve("notes.txt"), "not a backup at all");
        assertThat(run(dataDir(target), "restore", text.toString())).isEqualTo(2);
        assertThat(error()).contains("is not a Kontor backup: it is not gzip-compressed");

        Path gzippedText = temp.resolve("notes.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gzippedText))) {
            o.write("still not a backup, but compressed".repeat(40).getBytes(StandardCharsets.UTF_8));
        }
        err.reset();
        assertThat(run(dataDir(target), "restore", gzippedText.toString())).isEqualTo(2);
        assertThat(error()).contains("is not a Kontor backup");

        Path otherTar = temp.resolve("other.tar.gz");
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(otherTar)))) {
            add(tar, "README", "a tar of something else");
        }
        err.reset();
        assertThat(run(dataDir(target), "restore", otherTar.toString())).isEqualTo(2);
        assertThat(error()).contains("is not a Kontor backup: it does not begin with kontor-backup.properties");

        Path otherFormat = archive("format=kontor-backup-99\npostgres.major=17\n", true, true);
        err.reset();
        assertThat(run(dataDir(target), "restore", otherFormat.toString())).isEqualTo(2);
        assertThat(error()).contains("its format is 'kontor-backup-99'");
        assertThat(target).as("nothing was made").doesNotExist();
    }

    @Test
    void restoreRefusesABackupOfAnotherPostgresMajorVersionAndLeavesNothingBehind() throws IOException {
        Path target = Files.createDirectory(temp.resolve("target"));
        Path backup = archive(manifest("16"), true, true);
        assertThat(run(dataDir(target), "restore", backup.toString())).isEqualTo(2);
        assertThat(error()).contains("The backup is of PostgreSQL 16.9 (major version 16), but this Kontor brings PostgreSQL 17");
        try (Stream<Path> children = Files.list(target)) {
            assertThat(children).as("the unpacked binaries are removed again; the directory is empty as it was").isEmpty();
        }
    }

    @Test
    void restoreRefusesABackupThatWasCutOffAndLeavesNothingBehind() throws IOException {
        Path target = temp.resolve("target");
        Path withoutEnd = archive(manifest("17"), true, false);
        assertThat(run(dataDir(target), "restore", withoutEnd.toString())).isEqualTo(2);
        assertThat(error()).contains("is incomplete", "kontor-backup-end.properties");
        assertThat(target).as("a directory the restore made is removed again").doesNotExist();

        Path complete = archive(manifest("17"), true, true);
        byte[] bytes = Files.readAllBytes(complete);
        Path cut = Files.write(temp.resolve("cut.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        err.reset();
        assertThat(run(dataDir(target), "restore", cut.toString())).isEqualTo(2);
        assertThat(error()).contains("is incomplete or damaged");
        assertThat(target).doesNotExist();
    }

    @Test
    void restoreRefusesAPathOutsideTheDataDirectory() throws IOException {
        Path target = temp.resolve("target");
        Path backup = temp.resolve("evil.tar.gz");
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(backup)))) {
            add(tar, BackupArchive.MANIFEST, manifest("17"));
            add(tar, BackupArchive.SECRETS, "x=y\n");
            add(tar, "data/../../escaped", "out");
        }
        assertThat(run(dataDir(target), "restore", backup.toString())).isEqualTo(2);
        assertThat(error()).contains("outside its data directory");
        assertThat(temp.resolve("escaped")).doesNotExist();
        assertThat(target).doesNotExist();
    }

    private static String manifest(String major) {
        return "format=kontor-backup-1\npostgres.major=" + major + "\npostgres.version=" + major + ".9\n";
    }

    /** A small archive in the backup's layout, with a made-up data directory (never a real cluster). */
    private Path archive(String manifest, boolean secrets, boolean end) throws IOException {
        Path file = Files.createTempFile(temp, "backup-", ".tar.gz");
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            add(tar, BackupArchive.MANIFEST, manifest);
            if (secrets) {
                add(tar, BackupArchive.SECRETS, "kontor.database.superuser-password=not-a-real-password\n");
            }
            add(tar, "data/PG_VERSION", "17\n");
            byte[] noise = new byte[150_000];
            new java.util.Random(22).nextBytes(noise); // does not compress: a file cut in half is cut inside it
            add(tar, "data/filler", java.util.Base64.getEncoder().encodeToString(noise));
            if (end) {
                add(tar, BackupArchive.END, "files=2\n");
            }
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        var entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
