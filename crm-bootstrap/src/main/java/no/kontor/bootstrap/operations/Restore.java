package no.kontor.bootstrap.operations;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import no.kontor.bootstrap.EmbeddedSecrets;
import no.kontor.embedded.postgres.BaseBackup;
import no.kontor.embedded.postgres.EmbeddedPostgres;

/**
 * {@code java -jar kontor.jar restore <file>}: a backup made by {@link Backup} into a data
 * directory that is empty or does not exist yet — never over existing data. It unpacks
 * the cluster and the secrets, then starts the embedded PostgreSQL once, which replays
 * the backup's WAL to its end, and stops it; the next ordinary start of Kontor on that
 * directory finds the data as it was when the backup ended. On any failure what the
 * restore wrote is removed again, so the directory is as empty as it was.
 * See docs/operations.md.
 */
public final class Restore {
    private static final long PROGRESS_EVERY = 256L << 20;

    private final Path base;
    private final Path file;
    private final PrintStream out;

    private Restore(Path base, Path file, PrintStream out) {
        this.base = base.toAbsolutePath().normalize();
        this.file = file.toAbsolutePath().normalize();
        this.out = out;
    }

    /** Restores {@code file} into {@code base}; refusals are {@link IllegalStateException}s. */
    public static void run(Path base, Path file, PrintStream out) {
        new Restore(base, file, out).run();
    }

    private void run() {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist or is not a file: nothing to restore.");
        }
        boolean existed = Files.exists(base, LinkOption.NOFOLLOW_LINKS);
        if (existed && !isEmptyDirectory(base)) {
            throw new IllegalStateException("The data directory " + base + " is not empty. A restore never overwrites"
                    + " data: restore into an empty or new directory (KONTOR_DATA_DIR=/new/dir), or move this one aside first.");
        }
        long started = System.nanoTime();
        boolean done = false;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            TarArchiveInputStream tar = open(raw);
            Properties manifest = manifest(tar);
            out.println("Restoring a backup of PostgreSQL " + manifest.getProperty(BackupArchive.POSTGRES_VERSION) + " made "
                    + manifest.getProperty("created", "at an unknown time") + " into " + base);
            try (var restore = BaseBackup.Restore.begin(base)) {
                String major = manifest.getProperty(BackupArchive.POSTGRES_MAJOR, "");
                if (!major.equals(String.valueOf(restore.majorVersion()))) {
                    throw new IllegalStateException("The backup is of PostgreSQL " + manifest.getProperty(BackupArchive.POSTGRES_VERSION)
                            + " (major version " + major + "), but this Kontor brings PostgreSQL " + restore.serverVersion()
                            + ". A base backup restores only into the same major version: restore it with the Kontor"
                            + " version that made it.");
                }
                byte[] secrets = unpack(tar, restore.staging());
                restore.finish();
                writeSecrets(secrets);
            }
            recover();
            done = true;
            out.printf("Restored into %s in %d s. Start Kontor with KONTOR_DATA_DIR=%s%n", base,
                    (System.nanoTime() - started) / 1_000_000_000L, base);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the backup " + file + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                removeWhatWasWritten(existed);
            }
        }
    }

    private TarArchiveInputStream open(InputStream raw) throws IOException {
        try {
            return new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16));
        } catch (ZipException | EOFException notGzip) {
            throw notKontor("it is not gzip-compressed");
        }
    }

    private Properties manifest(TarArchiveInputStream tar) throws IOException {
        TarArchiveEntry first;
        try {
            first = tar.getNextEntry();
        } catch (IOException notTar) {
            throw notKontor("it is not a tar archive (" + notTar.getMessage() + ")");
        }
        if (first == null || !BackupArchive.MANIFEST.equals(first.getName())) {
            throw notKontor("it does not begin with " + BackupArchive.MANIFEST);
        }
        Properties manifest = BackupArchive.properties(BackupArchive.readSmall(tar, first.getSize(), 1 << 16, first.getName()));
        if (!BackupArchive.FORMAT.equals(manifest.getProperty(BackupArchive.FORMAT_KEY))) {
            throw notKontor("its format is '" + manifest.getProperty(BackupArchive.FORMAT_KEY) + "', this Kontor reads "
                    + BackupArchive.FORMAT);
        }
        return manifest;
    }

    private IllegalStateException notKontor(String why) {
        return new IllegalStateException(file + " is not a Kontor backup: " + why + ". Nothing was restored.");
    }

    /** The data directory's files into {@code staging}; returns the secrets file's bytes. */
    private byte[] unpack(TarArchiveInputStream tar, Path staging) throws IOException {
        byte[] secrets = null;
        boolean ended = false;
        long bytes = 0;
        long reported = 0;
        long files = 0;
        try {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                String name = entry.getName();
                if (ended) {
                    throw notKontor("it has " + name + " after its end");
                }
                if (BackupArchive.SECRETS.equals(name)) {
                    secrets = BackupArchive.readSmall(tar, entry.getSize(), 1 << 16, name);
                } else if (BackupArchive.END.equals(name)) {
                    ended = true;
                } else if (name.startsWith(BackupArchive.DATA) && name.length() > BackupArchive.DATA.length()) {
                    Path target = inside(staging, name.substring(BackupArchive.DATA.length()));
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        try (OutputStream o = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                            bytes += tar.transferTo(o);
                        }
                        files++;
                        if (bytes - reported >= PROGRESS_EVERY) {
                            reported = bytes;
                            out.println("  restored " + BackupArchive.size(bytes));
                        }
                    } else {
                        throw notKontor("it holds " + name + ", which is neither a file nor a directory");
                    }
                } else {
                    throw notKontor("it holds " + name + ", which a Kontor backup does not");
                }
            }
        } catch (EOFException | java.util.zip.ZipException cut) {
            throw new IllegalStateException(file + " is incomplete or damaged (" + cut.getMessage() + "): it was cut off or"
                    + " changed after it was written. Nothing was restored.");
        }
        if (!ended) {
            throw new IllegalStateException(file + " is incomplete: it ends before " + BackupArchive.END + ", the entry a"
                    + " finished backup ends with (was it cut off while copied?). Nothing was restored.");
        }
        if (secrets == null) {
            throw notKontor("it holds no " + BackupArchive.SECRETS);
        }
        out.println("Unpacked " + files + " files (" + BackupArchive.size(bytes) + ")");
        return secrets;
    }

    /** {@code relative} under {@code root}, refusing absolute paths and {@code ..}. */
    private Path inside(Path root, String relative) {
        Path target = root.resolve(relative).normalize();
        if (relative.startsWith("/") || !target.startsWith(root) || target.equals(root)) {
            throw notKontor("it names a path outside its data directory (" + relative + ")");
        }
        return target;
    }

    private void writeSecrets(byte[] secrets) throws IOException {
        Path target = base.resolve(EmbeddedSecrets.FILE_NAME);
        try {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(target);
        }
        Files.write(target, secrets, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Starts PostgreSQL once: it replays the WAL to the backup's end; then a clean stop. */
    private void recover() {
        EmbeddedSecrets secrets = EmbeddedSecrets.existing(base);
        out.println("Starting PostgreSQL to replay the backup's WAL");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(base,
                EmbeddedPostgres.Options.durable().withSuperuserPassword(secrets.superuserPassword()))) {
            var properties = new Properties();
            properties.setProperty("user", postgres.username());
            properties.setProperty("password", postgres.password());
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), properties);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(), (SELECT count(*) FROM pg_database WHERE datallowconn)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("PostgreSQL is still in recovery after the restore; see " + postgres.logFile());
                }
                out.println("PostgreSQL recovered the backup: " + rs.getLong(2) + " databases");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The restored cluster started but cannot be read: " + e.getMessage(), e);
        }
    }

    private void removeWhatWasWritten(boolean existed) {
        if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(base)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (existed && p.equals(base)) {
                    continue;
                }
                Files.deleteIfExists(p);
            }
            out.println("The restore did not complete; " + base + " is " + (existed ? "empty" : "removed") + " again.");
        } catch (IOException | RuntimeException e) {
            out.println("The restore did not complete, and " + base + " could not be emptied again (" + e.getMessage()
                    + "): empty it by hand before the next try.");
        }
    }

    private static boolean isEmptyDirectory(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
