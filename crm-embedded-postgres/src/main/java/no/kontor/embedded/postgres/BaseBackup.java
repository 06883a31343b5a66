package no.kontor.embedded.postgres;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A base backup of a running cluster through PostgreSQL's low-level API, for binaries
 * that ship no {@code pg_basebackup} (zonky's carry initdb, pg_ctl and postgres only).
 *
 * <p>The steps are those of the PostgreSQL 17 manual, "Making a Base Backup Using the
 * Low Level API" (non-exclusive): on one connection held open to the end,
 * {@code pg_backup_start(label, fast => true)}; copy the data directory while the server
 * keeps writing; {@code pg_backup_stop(wait_for_archive => false)}, whose
 * {@code backup_label} (and tablespace map) go into the copy as files; and the WAL from
 * the backup's start to its stop, without which the copy is not consistent. A temporary
 * physical replication slot, made on the same connection before the start, keeps the
 * server from recycling those WAL segments while the copy runs (a checkpoint during a
 * long copy would otherwise be free to); it goes when the connection closes.
 *
 * <p>Left out, as the manual allows: {@code postmaster.pid}, {@code postmaster.opts},
 * the contents of {@code pg_wal/} (but the segments the backup needs),
 * {@code pg_replslot/}, {@code pg_dynshmem/}, {@code pg_notify/}, {@code pg_serial/},
 * {@code pg_snapshots/}, {@code pg_stat_tmp/} and {@code pg_subtrans/}, anything named
 * {@code pgsql_tmp*}, {@code pg_internal.init} files, temporary relations, and a stale
 * {@code backup_label}/{@code tablespace_map}. {@code global/pg_control} is copied last,
 * as {@code pg_basebackup} does. A file that shrinks while it is read is padded with
 * zeros and one that grows is cut at the size it had: WAL replay (full-page writes are
 * on) puts both right. A file that vanishes is left out, as PostgreSQL removed it.
 *
 * <p>Restoring is the reverse: the files go into an empty data directory, and the
 * server's first start replays the WAL from the checkpoint {@code backup_label} names to
 * the backup's end (no {@code recovery.signal}: the needed WAL is in {@code pg_wal/}).
 * See {@link Restore}.
 */
public final class BaseBackup {

    /** Directories whose contents are left out (the directory itself is kept). */
    private static final Set<String> CONTENTS_LEFT_OUT = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files of the top directory that are left out. */
    private static final Set<String> TOP_FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "backup_label.old", "tablespace_map", "tablespace_map.old", "postgresql.auto.conf.tmp");
    private static final Pattern TEMPORARY_RELATION = Pattern.compile("t\\d+_\\d+(_(fsm|vm|init))?(\\.\\d+)?");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: ([0-9A-F]+/[0-9A-F]+) \\(file ([0-9A-F]{24})\\)");
    private static final String PG_CONTROL = "global/pg_control";
    private static final Set<String> WAL_DIRECTORIES = Set.of("pg_wal/archive_status", "pg_wal/summaries");

    private BaseBackup() {
    }

    /** Where the copied files go (a tar, in Kontor's case). Paths are relative to the data directory, with {@code /}. */
    public interface Sink {
        void directory(String path) throws IOException;

        /** Exactly {@code size} bytes are read from {@code content}. */
        void file(String path, long size, InputStream content) throws IOException;
    }

    /** Told when the backup has started, and when the files are copied and it is about to stop. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void started(String startLsn) {
        }

        default void copied(long files, long bytes) {
        }
    }

    /** What a finished backup holds. */
    public record Result(String startLsn, String stopLsn, String firstWalSegment, String lastWalSegment, long files, long bytes,
            String backupLabel) {
    }

    /**
     * Takes a base backup of the cluster in {@code dataDirectory}, running and reachable as a
     * superuser over {@code connection} (held for the whole backup, auto-commit on), into {@code sink}.
     */
    public static Result take(Connection connection, Path dataDirectory, String label, Sink sink, Listener listener)
            throws SQLException, IOException {
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            throw new IllegalStateException(data + " is not a PostgreSQL data directory (it has no PG_VERSION)");
        }
        requireNoTablespaces(data);
        String slot = "backup_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
        try (Statement st = connection.createStatement()) {
            // keeps the WAL from the backup's start until this connection ends
            st.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true, true)");
        }
        String startLsn;
        try (PreparedStatement start = connection.prepareStatement("SELECT pg_backup_start(?, true)::text")) {
            start.setString(1, label);
            try (ResultSet rs = start.executeQuery()) {
                rs.next();
                startLsn = rs.getString(1);
            }
        }
        listener.started(startLsn);
        var counter = new long[2];
        boolean stopped = false;
        try {
            copyDataDirectory(data, sink, counter);
            listener.copied(counter[0], counter[1]);
            String labelFile;
            String mapFile;
            String stopLsn;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                stopLsn = rs.getString(1);
                labelFile = rs.getString(2);
                mapFile = rs.getString(3);
            }
            stopped = true;
            sinkContent(sink, "backup_label", labelFile, counter);
            if (mapFile != null && !mapFile.isEmpty()) {
                sinkContent(sink, "tablespace_map", mapFile, counter);
            }
            Matcher start = START_WAL.matcher(labelFile);
            if (!start.find()) {
                throw new IllegalStateException("pg_backup_stop returned a backup label without its START WAL LOCATION: " + labelFile);
            }
            String firstSegment = start.group(2);
            String lastSegment;
            try (PreparedStatement st = connection.prepareStatement("SELECT pg_walfile_name(?::pg_lsn)")) {
                st.setString(1, stopLsn);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    lastSegment = rs.getString(1);
                }
            }
            long segmentSize;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT setting::bigint FROM pg_settings WHERE name = 'wal_segment_size'")) {
                rs.next();
                segmentSize = rs.getLong(1);
            }
            copyWal(data, sink, walSegments(firstSegment, lastSegment, segmentSize), counter);
            return new Result(startLsn, stopLsn, firstSegment, lastSegment, counter[0], counter[1], labelFile);
        } finally {
            if (!stopped) {
                abort(connection);
            }
        }
    }

    /** Whether a path (relative to the data directory, with {@code /}) is left out of a backup; see the class comment. */
    static boolean leftOut(String path) {
        String[] parts = path.split("/");
        String name = parts[parts.length - 1];
        if (parts.length == 1 && TOP_FILES_LEFT_OUT.contains(name)) {
            return true;
        }
        if (parts.length >= 2 && CONTENTS_LEFT_OUT.contains(parts[0])) {
            return true;
        }
        for (String part : parts) {
            if (part.startsWith("pgsql_tmp")) {
                return true;
            }
        }
        if ("pg_internal.init".equals(name)) {
            return true;
        }
        // base/<database>/t<backend>_<relation>: temporary relations
        return parts.length == 3 && "base".equals(parts[0]) && TEMPORARY_RELATION.matcher(name).matches();
    }

    /** The segment names from {@code first} to {@code last}, both included, on {@code first}'s timeline. */
    static List<String> walSegments(String first, String last, long segmentSize) {
        if (!WAL_SEGMENT.matcher(first).matches() || !WAL_SEGMENT.matcher(last).matches()) {
            throw new IllegalArgumentException("not WAL segment names: " + first + ", " + last);
        }
        if (!first.substring(0, 8).equals(last.substring(0, 8))) {
            throw new IllegalStateException("the backup's WAL changed timeline (" + first + " to " + last
                    + "): the server was promoted while the backup ran; take it again");
        }
        long perLogId = 0x1_0000_0000L / segmentSize;
        long from = Long.parseLong(first.substring(8, 16), 16) * perLogId + Long.parseLong(first.substring(16), 16);
        long to = Long.parseLong(last.substring(8, 16), 16) * perLogId + Long.parseLong(last.substring(16), 16);
        if (to < from) {
            throw new IllegalStateException("the backup's last WAL segment " + last + " comes before its first " + first);
        }
        var names = new ArrayList<String>();
        for (long segment = from; segment <= to; segment++) {
            names.add(first.substring(0, 8) + String.format("%08X%08X", segment / perLogId, segment % perLogId));
        }
        return names;
    }

    private static void requireNoTablespaces(Path data) throws IOException {
        Path tablespaces = data.resolve("pg_tblspc");
        if (!Files.isDirectory(tablespaces)) {
            return;
        }
        try (Stream<Path> links = Files.list(tablespaces)) {
            if (links.findAny().isPresent()) {
                throw new IllegalStateException("The cluster in " + data + " has tablespaces outside its data directory"
                        + " (pg_tblspc is not empty); this backup copies the data directory only. Use pg_basebackup.");
            }
        }
    }

    private static void copyDataDirectory(Path data, Sink sink, long[] counter) throws IOException {
        List<Path> paths;
        try (Stream<Path> tree = Files.walk(data)) {
            paths = tree.filter(p -> !p.equals(data)).sorted(Comparator.comparing(p -> relative(data, p))).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path path : paths) {
            String name = relative(data, path);
            if (WAL_DIRECTORIES.contains(name)) {
                sink.directory(name); // pg_wal's own directories, empty
                continue;
            }
            if (leftOut(name) || PG_CONTROL.equals(name)) {
                continue;
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException vanished) {
                continue; // removed by the server meanwhile (a dropped table, a finished temporary file)
            }
            if (attributes.isDirectory()) {
                sink.directory(name);
            } else if (attributes.isRegularFile()) {
                copyFile(path, name, sink, counter);
            }
            // links and special files: a data directory made by initdb without -X has none (tablespaces are refused)
        }
        copyFile(data.resolve(PG_CONTROL), PG_CONTROL, sink, counter);
    }

    private static void copyWal(Path data, Sink sink, List<String> segments, long[] counter) throws IOException {
        Path wal = data.resolve("pg_wal");
        for (String segment : segments) {
            if (!copyFile(wal.resolve(segment), "pg_wal/" + segment, sink, counter)) {
                throw new IllegalStateException("The WAL segment " + segment + ", which the backup needs, is not in " + wal
                        + ": the backup cannot be completed. Take it again.");
            }
        }
        if (!segments.get(0).startsWith("00000001")) { // on a later timeline, recovery reads its history
            try (Stream<Path> files = Files.list(wal)) {
                for (Path history : files.filter(p -> p.getFileName().toString().endsWith(".history")).sorted().toList()) {
                    copyFile(history, "pg_wal/" + history.getFileName(), sink, counter);
                }
            }
        }
    }

    /** Copies one file as the size it has now; false when it is gone. */
    private static boolean copyFile(Path path, String name, Sink sink, long[] counter) throws IOException {
        InputStream in;
        long size;
        try {
            in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
            size = Files.size(path);
        } catch (NoSuchFileException vanished) {
            return false;
        }
        try (InputStream exact = new ExactLength(in, size)) {
            sink.file(name, size, exact);
        }
        counter[0]++;
        counter[1] += size;
        return true;
    }

    private static void sinkContent(Sink sink, String name, String content, long[] counter) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        sink.file(name, bytes.length, new java.io.ByteArrayInputStream(bytes));
        counter[0]++;
        counter[1] += bytes.length;
    }

    private static void abort(Connection connection) {
        // a failed copy: end the backup on the server (closing the connection would too)
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_backup_stop(false)");
        } catch (SQLException ignored) {
            // the connection is gone, and with it the backup
        }
    }

    private static String relative(Path data, Path path) {
        return data.relativize(path).toString().replace('\\', '/');
    }

    /** Exactly {@code size} bytes: a file cut short is padded with zeros, one that grew is cut. */
    private static final class ExactLength extends FilterInputStream {
        private long remaining;

        ExactLength(InputStream in, long size) {
            super(in);
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int wanted = (int) Math.min(length, remaining);
            int n = in.read(buffer, offset, wanted);
            if (n < 0) {
                java.util.Arrays.fill(buffer, offset, offset + wanted, (byte) 0);
                n = wanted;
            }
            remaining -= n;
            return n;
        }
    }

    /**
     * Puts a backup's files into a new cluster under a base directory whose data directory
     * does not exist yet: {@link #begin} prepares the binaries (so the major version is
     * known) and a private staging directory, the caller fills {@link #staging()}, and
     * {@link #finish()} checks it, gives it to the user PostgreSQL runs as, and moves it
     * into place. The next start of {@link EmbeddedPostgres} recovers it.
     */
    public static final class Restore implements AutoCloseable {
        private final Path base;
        private final Path staging;
        private final PostgresBinaries binaries;
        private final ServerUser user;
        private boolean finished;

        private Restore(Path base, Path staging, PostgresBinaries binaries, ServerUser user) {
            this.base = base;
            this.staging = staging;
            this.binaries = binaries;
            this.user = user;
        }

        /** Refuses a base directory that already has a data directory; unpacks the binaries. */
        public static Restore begin(Path baseDirectory) {
            Path base = baseDirectory.toAbsolutePath().normalize();
            ServerUser user = ServerUser.forThisProcess();
            EmbeddedPostgres.prepareBase(base, user);
            try {
                if (Files.exists(base.resolve("data"), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalStateException(base.resolve("data") + " exists: a restore never overwrites a cluster");
                }
                PostgresBinaries binaries = PostgresBinaries.prepare(base);
                Path staging = base.resolve("data.restoring");
                PostgresBinaries.deleteRecursively(staging);
                Files.createDirectory(staging);
                PostgresBinaries.setMode(staging, 0700);
                return new Restore(base, staging, binaries, user);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + base + " for a restore: " + e.getMessage(), e);
            }
        }

        /** The major version of the binaries, which the backup's must equal. */
        public int majorVersion() {
            return binaries.majorVersion();
        }

        public String serverVersion() {
            return binaries.serverVersion();
        }

        /** Where the backup's files go, as they were under the data directory. */
        public Path staging() {
            return staging;
        }

        /** Checks the copy, makes it private to PostgreSQL's user, and moves it to {@code <base>/data}; returns that. */
        public Path finish() {
            Path data = base.resolve("data");
            try {
                Path version = staging.resolve("PG_VERSION");
                if (!Files.isRegularFile(version) || !Files.isRegularFile(staging.resolve("backup_label"))
                        || !Files.isRegularFile(staging.resolve(PG_CONTROL))) {
                    throw new IllegalStateException("the backup lacks PG_VERSION, backup_label or " + PG_CONTROL
                            + ": it is not a complete base backup");
                }
                String found = Files.readString(version, StandardCharsets.UTF_8).strip();
                if (!found.equals(String.valueOf(binaries.majorVersion()))) {
                    throw new IllegalStateException("the backup's cluster is PostgreSQL " + found + ", these binaries are "
                            + binaries.serverVersion());
                }
                try (Stream<Path> tree = Files.walk(staging)) {
                    for (Path p : tree.toList()) {
                        PostgresBinaries.setMode(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? 0700 : 0600);
                    }
                }
                user.ownRecursively(staging);
                Files.move(staging, data, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                finished = true;
                return data;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot put the restored cluster into " + data + ": " + e.getMessage(), e);
            }
        }

        /** Removes the staging directory unless {@link #finish()} moved it into place. */
        @Override
        public void close() {
            if (!finished) {
                try {
                    PostgresBinaries.deleteRecursively(staging);
                } catch (IOException ignored) {
                    // the caller reports the first failure
                }
            }
        }
    }
}
