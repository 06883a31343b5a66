package no.kontor.bootstrap.operations;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import no.kontor.bootstrap.EmbeddedSecrets;
import no.kontor.embedded.postgres.BaseBackup;
import no.kontor.embedded.postgres.EmbeddedPostgres;

/**
 * {@code java -jar kontor.jar backup <file>}: one file holding the embedded default's
 * PostgreSQL cluster (a base backup through the low-level API, taken while the server runs
 * and writes) and the installation's secrets, without which the restored audit chain could
 * not be verified. See docs/operations.md.
 *
 * <p>It connects to the embedded PostgreSQL running on the data directory as its superuser
 * (the password is in the secrets file); when none runs, it starts one, backs up, and stops
 * it. The file is written as {@code <file>.partial} (mode 600: it is as secret as the data)
 * and renamed when complete; an existing file is never overwritten.
 */
public final class Backup {
    private static final long PROGRESS_EVERY = 256L << 20;

    private final Path base;
    private final Path file;
    private final PrintStream out;
    private final BaseBackup.Listener listener;

    private Backup(Path base, Path file, PrintStream out, BaseBackup.Listener listener) {
        this.base = base.toAbsolutePath().normalize();
        this.file = file.toAbsolutePath().normalize();
        this.out = out;
        this.listener = listener;
    }

    /** Backs up the installation under {@code base} into {@code file}; refusals are {@link IllegalStateException}s. */
    public static BaseBackup.Result run(Path base, Path file, PrintStream out, BaseBackup.Listener listener) {
        return new Backup(base, file, out, listener).run();
    }

    private BaseBackup.Result run() {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(file + " exists: a backup never overwrites a file. Name a new one.");
        }
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalStateException("The directory " + directory + " for the backup file does not exist.");
        }
        Path data = base.resolve("data");
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            throw new IllegalStateException("There is no embedded PostgreSQL cluster in " + data + ": no Kontor data to back"
                    + " up there. Set KONTOR_DATA_DIR to the directory the server runs with.");
        }
        EmbeddedSecrets secrets = EmbeddedSecrets.existing(base);
        OptionalInt running = EmbeddedPostgres.runningPort(base);
        EmbeddedPostgres started = null;
        String url;
        if (running.isPresent()) {
            url = "jdbc:postgresql://127.0.0.1:" + running.getAsInt() + "/postgres";
            out.println("Backing up the running PostgreSQL on 127.0.0.1:" + running.getAsInt() + " (data at " + data + ")");
        } else {
            out.println("No PostgreSQL runs on " + data + ": starting it for the backup");
            started = EmbeddedPostgres.start(base,
                    EmbeddedPostgres.Options.durable().withSuperuserPassword(secrets.superuserPassword()));
            url = started.jdbcUrl("postgres");
        }
        try {
            var properties = new Properties();
            properties.setProperty("user", EmbeddedPostgres.USER);
            properties.setProperty("password", secrets.superuserPassword());
            properties.setProperty("ApplicationName", "kontor-backup");
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                return write(connection, data);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The backup failed in PostgreSQL: " + e.getMessage(), e);
        } finally {
            if (started != null) {
                started.stop();
            }
        }
    }

    private BaseBackup.Result write(Connection connection, Path data) throws SQLException {
        String version;
        int major;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
            rs.next();
            version = rs.getString(1);
            major = rs.getInt(2) / 10000;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(partial);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(partial + " exists: another backup is being written there, or one was"
                    + " interrupted. Remove it, or name another file.");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + partial + ": " + e.getMessage(), e);
        }
        boolean done = false;
        long started = System.nanoTime();
        try {
            BaseBackup.Result result;
            long written;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                var counting = new BackupArchive.Counting(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
                var gzip = new GZIPOutputStream(counting, 1 << 16);
                try (var tar = new TarArchiveOutputStream(gzip)) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                    var manifest = new LinkedHashMap<String, String>();
                    manifest.put(BackupArchive.FORMAT_KEY, BackupArchive.FORMAT);
                    manifest.put(BackupArchive.POSTGRES_MAJOR, String.valueOf(major));
                    manifest.put(BackupArchive.POSTGRES_VERSION, version);
                    manifest.put("created", Instant.now().toString());
                    manifest.put("source", base.toString());
                    addSmall(tar, BackupArchive.MANIFEST,
                            BackupArchive.properties(manifest, "Kontor backup: restore with java -jar kontor.jar restore <file>"));
                    addSmall(tar, BackupArchive.SECRETS, Files.readAllBytes(base.resolve(EmbeddedSecrets.FILE_NAME)));
                    result = BaseBackup.take(connection, data, "kontor backup " + Instant.now(), new TarSink(tar), new BaseBackup.Listener() {
                        @Override
                        public void started(String startLsn) {
                            out.println("Backup started at WAL " + startLsn + "; copying " + data);
                            listener.started(startLsn);
                        }

                        @Override
                        public void copied(long files, long bytes) {
                            out.println("Copied " + files + " files (" + BackupArchive.size(bytes) + "); ending the backup and"
                                    + " adding the WAL it needs");
                            listener.copied(files, bytes);
                        }
                    });
                    var end = new LinkedHashMap<String, String>();
                    end.put("start-lsn", result.startLsn());
                    end.put("stop-lsn", result.stopLsn());
                    end.put("wal", result.firstWalSegment() + ".." + result.lastWalSegment());
                    end.put("files", String.valueOf(result.files()));
                    end.put("bytes", String.valueOf(result.bytes()));
                    addSmall(tar, BackupArchive.END, BackupArchive.properties(end, "the backup is complete"));
                    tar.finish();
                    gzip.finish();
                    counting.flush();
                    written = counting.count();
                    channel.force(true); // on disk before it gets its name
                }
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            out.printf("Backup written to %s: %s of data in %d files, %s compressed, in %d s (WAL %s to %s)%n", file,
                    BackupArchive.size(result.bytes()), result.files(), BackupArchive.size(written),
                    (System.nanoTime() - started) / 1_000_000_000L, result.startLsn(), result.stopLsn());
            out.println("It holds Kontor's secrets (audit key, token and PIN keys, database passwords): keep it as safe as the data.");
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the backup to " + partial + ": " + e, e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the failure is reported; the partial file's name says what it is
                }
            }
        }
    }

    private static void addSmall(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        var entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0600);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** The data directory's files under {@code data/}, with a line of progress every 256 MB. */
    private final class TarSink implements BaseBackup.Sink {
        private final TarArchiveOutputStream tar;
        private final byte[] buffer = new byte[1 << 16];
        private long copied;
        private long reported;

        TarSink(TarArchiveOutputStream tar) {
            this.tar = tar;
        }

        @Override
        public void directory(String path) throws IOException {
            var entry = new TarArchiveEntry(BackupArchive.DATA + path + "/");
            entry.setMode(0700);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }

        @Override
        public void file(String path, long size, InputStream content) throws IOException {
            var entry = new TarArchiveEntry(BackupArchive.DATA + path);
            entry.setSize(size);
            entry.setMode(0600);
            tar.putArchiveEntry(entry);
            OutputStream target = tar;
            for (int n; (n = content.read(buffer)) > 0;) {
                target.write(buffer, 0, n);
                copied += n;
            }
            tar.closeArchiveEntry();
            if (copied - reported >= PROGRESS_EVERY) {
                reported = copied;
                out.println("  copied " + BackupArchive.size(copied));
            }
        }
    }
}
