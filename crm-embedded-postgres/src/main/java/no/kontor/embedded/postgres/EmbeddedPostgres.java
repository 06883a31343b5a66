package no.kontor.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kontor's own PostgreSQL: how Kontor gets a database when none is configured.
 *
 * <p>The binaries are zonky's (Maven Central, PostgreSQL major version pinned in the
 * root POM, the artifact chosen by OS and CPU); whatever PostgreSQL the machine has is
 * never used. Under the base directory:
 * <pre>
 *   pg-&lt;binaries version&gt;/   the unpacked binaries (unpacked once, marker file inside)
 *   data/                    the cluster (made by initdb on the first start)
 *   postgres.log             the server's log
 *   run/                     the server's Unix socket directory
 * </pre>
 *
 * <p>The cluster is made with ICU collation {@code nb-NO} (names sort A…Z, Æ, Ø, Å),
 * UTF-8, data checksums, and the superuser {@code postgres}, which like every role proves a password
 * ({@code scram-sha-256}) — reachable over 127.0.0.1 and the private socket directory only.
 * A start refuses, with a message saying what to do, when the data directory was made
 * by another major version, when a server already runs on it, or when a database's
 * recorded collation version differs from the ICU in the binaries. Nothing is ever
 * silently re-initialised.
 *
 * <p>As root (PostgreSQL refuses to run as root), the programs run as {@code nobody}
 * through {@code setpriv}; see {@link ServerUser}. No JVM shutdown hook is registered
 * unless the caller asks for one with {@link #registerShutdownHook()}.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    /** The only database user. */
    public static final String USER = "postgres";
    /** The ICU locale of every database of the cluster. */
    public static final String ICU_LOCALE = "nb-NO";

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(120);
    private static final int PG_CTL_WAIT_SECONDS = 60;
    /** Unix socket paths are limited to 107 bytes; the socket's own name takes 15 of them. */
    private static final int MAX_SOCKET_DIRECTORY_LENGTH = 90;
    /**
     * Locales tried for LC_CTYPE and the rest (collation itself is ICU's). A UTF-8 locale
     * is needed, not "C": with "C", pg_trgm treats æ, ø and å as word separators (so a
     * trigram search for "Bjørn" sees "bj" and "rn") and full-text search does not fold
     * "Ærlig" to lower case. C.UTF-8 is built into glibc 2.35+ and
     * present on Debian/Ubuntu/Fedora; the others are fallbacks.
     */
    private static final List<String> CTYPE_LOCALES = List.of("C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8");
    private static final String NORWEGIAN_ORDER_CHECK =
            "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('Å'),('Ø'),('Æ'),('Z')) v(x)";

    private final Path baseDirectory;
    private final Path dataDirectory;
    private final Path logFile;
    private final Path socketDirectory;
    private final boolean temporarySocketDirectory;
    private final PostgresBinaries binaries;
    private final ServerUser serverUser;
    private final Options options;
    private final int port;
    private final String superuserPassword;
    private boolean stopped;
    private Thread shutdownHook;

    private EmbeddedPostgres(Path baseDirectory, Path dataDirectory, Path logFile, Path socketDirectory,
            boolean temporarySocketDirectory, PostgresBinaries binaries, ServerUser serverUser, Options options, int port,
            String superuserPassword) {
        this.baseDirectory = baseDirectory;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.socketDirectory = socketDirectory;
        this.temporarySocketDirectory = temporarySocketDirectory;
        this.binaries = binaries;
        this.serverUser = serverUser;
        this.options = options;
        this.port = port;
        this.superuserPassword = superuserPassword;
    }

    /**
     * How to run the server. Immutable; start from {@link #durable()} (Kontor's data)
     * or {@link #nonDurable()} (throw-away test clusters) and adjust with the withers.
     */
    public static final class Options {
        private final boolean durable;
        private final int port;
        private final boolean refreshCollationVersion;
        private final String superuserPassword;

        private Options(boolean durable, int port, boolean refreshCollationVersion, String superuserPassword) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (pick a free one) or 1..65535: " + port);
            }
            if (superuserPassword != null && (superuserPassword.length() < 16 || superuserPassword.indexOf('\0') >= 0
                    || superuserPassword.indexOf('\n') >= 0 || superuserPassword.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("the superuser's password is at least 16 characters on one line");
            }
            this.durable = durable;
            this.port = port;
            this.refreshCollationVersion = refreshCollationVersion;
            this.superuserPassword = superuserPassword;
        }

        /**
         * Kontor's data: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on; a free port.
         * Needs {@link #withSuperuserPassword(String)}: the password must be the same at every start.
         */
        public static Options durable() {
            return new Options(true, 0, false, null);
        }

        /**
         * A throw-away cluster for tests: fsync, synchronous commit and full-page writes off; a free port;
         * a random superuser password (kept by these options, so a restart with them gets in again).
         */
        public static Options nonDurable() {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            return new Options(false, 0, false, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }

        /** The TCP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Options withPort(int newPort) {
            return new Options(durable, newPort, refreshCollationVersion, superuserPassword);
        }

        public Options withDurable(boolean newDurable) {
            return new Options(newDurable, port, refreshCollationVersion, superuserPassword);
        }

        /**
         * The password of the superuser {@value EmbeddedPostgres#USER}: every connection, over
         * TCP or the socket, authenticates with {@code scram-sha-256}; nobody is trusted.
         * Keep it where only the server's owner can read it (Kontor keeps it in its secrets file).
         */
        public Options withSuperuserPassword(String password) {
            return new Options(durable, port, refreshCollationVersion, password);
        }

        String requireSuperuserPassword() {
            if (superuserPassword == null) {
                throw new IllegalStateException("a durable cluster needs its superuser's password (withSuperuserPassword),"
                        + " the same at every start");
            }
            return superuserPassword;
        }

        /**
         * What to do when a database's recorded collation version differs from the
         * binaries' ICU: false (the default) refuses to start; true reindexes that
         * database, records the new version, and says so in the log.
         */
        public Options withRefreshCollationVersion(boolean refresh) {
            return new Options(durable, port, refresh, superuserPassword);
        }

        /** True: durability settings forced on (over any configuration file); false: all three off. */
        public boolean isDurable() {
            return durable;
        }

        public int port() {
            return port;
        }

        public boolean refreshCollationVersion() {
            return refreshCollationVersion;
        }

        @Override
        public String toString() {
            return "Options[durable=" + durable + ", port=" + port + ", refreshCollationVersion=" + refreshCollationVersion + "]";
        }
    }

    /**
     * Where Kontor keeps its embedded data when nothing else is said: as root
     * {@code /var/lib/kontor} (reachable by {@code nobody}, unlike {@code /root});
     * as an ordinary user {@code $XDG_DATA_HOME/kontor}, else {@code ~/.local/share/kontor}.
     */
    public static Path defaultBaseDirectory() {
        if (ServerUser.isRoot()) {
            return Path.of("/var/lib/kontor");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "kontor");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "kontor");
    }

    /**
     * The port of a server running now on {@code <base>/data}, as its {@code postmaster.pid}
     * says (its fourth line), when the process that file names is alive; empty otherwise.
     */
    public static java.util.OptionalInt runningPort(Path baseDirectory) {
        Path pidFile = baseDirectory.toAbsolutePath().normalize().resolve("data").resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException missing) {
            return java.util.OptionalInt.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                return java.util.OptionalInt.empty();
            }
            return java.util.OptionalInt.of(Integer.parseInt(lines.get(3).strip()));
        } catch (RuntimeException garbage) { // too short, not numbers: not a running server's file
            return java.util.OptionalInt.empty();
        }
    }

    /**
     * Unpacks the binaries if needed, makes the cluster on the first start, checks it,
     * starts the server and waits until it accepts connections.
     *
     * @throws IllegalStateException when the start is refused (another major version,
     *         a server already running on the data directory, a changed collation
     *         version, a directory {@code nobody} cannot reach) or a program fails; the
     *         message says why and what to do
     */
    public static EmbeddedPostgres start(Path baseDirectory, Options options) {
        long started = System.nanoTime();
        Path base = baseDirectory.toAbsolutePath().normalize();
        ServerUser user = ServerUser.forThisProcess();
        prepareBase(base, user);
        // one start at a time per base directory, across threads and processes: unpacking,
        // initdb and the "is a server running?" check must not interleave
        synchronized (EmbeddedPostgres.class) {
            try (FileChannel channel = FileChannel.open(base.resolve(".kontor-start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return startLocked(base, user, options, started);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + base.resolve(".kontor-start.lock"), e);
            }
        }
    }

    private static EmbeddedPostgres startLocked(Path base, ServerUser user, Options options, long started) {
        PostgresBinaries binaries = PostgresBinaries.prepare(base);

        Path data = base.resolve("data");
        Path log = base.resolve("postgres.log");
        prepareLog(log, user);
        String password;
        boolean trustedBefore = false;
        if (isEmptyOrMissing(data)) {
            password = options.requireSuperuserPassword();
            initdb(binaries, user, data, log, options, password);
        } else {
            checkMajorVersion(data, binaries);
            checkNotRunning(data);
            if (!user.owns(data)) {
                throw new IllegalStateException("The data directory " + data + " does not belong to " + user.describe()
                        + ", the user PostgreSQL runs as. Give it back (chown -R), or use another base directory.");
            }
            password = options.requireSuperuserPassword();
            trustedBefore = trustsAnyone(data);
        }

        Path sockets = base.resolve("run");
        boolean temporarySockets = sockets.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_DIRECTORY_LENGTH;
        try {
            if (temporarySockets) {
                // a short path that nobody can reach, whatever java.io.tmpdir says
                Path tmp = Path.of("/tmp");
                sockets = Files.isDirectory(tmp) ? Files.createTempDirectory(tmp, "kontor-pg-")
                        : Files.createTempDirectory("kontor-pg-");
                LOG.info("{} is too long for a Unix socket path; the server's socket goes into {}", base.resolve("run"), sockets);
            } else {
                Files.createDirectories(sockets);
            }
            PostgresBinaries.setMode(sockets, 0700);
            user.own(sockets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the socket directory " + sockets, e);
        }

        int port = startServer(binaries, user, data, log, sockets, options);
        var postgres = new EmbeddedPostgres(base, data, log, sockets, temporarySockets, binaries, user, options, port, password);
        try {
            if (trustedBefore) {
                postgres.requirePasswords();
            }
            postgres.verify();
        } catch (RuntimeException e) {
            try {
                postgres.stop();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        LOG.info("PostgreSQL {} started on 127.0.0.1:{} ({}), data at {}, log at {}{} in {} ms", binaries.serverVersion(), port,
                options.isDurable() ? "durable" : "NOT durable: fsync off, for tests only", data, log,
                user.dropsPrivileges() ? ", running as " + user.describe() : "", (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    // ---------------------------------------------------------------- the running server

    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; the superuser is {@link #username()} with {@link #password()}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser, {@value #USER}. */
    public String username() {
        return USER;
    }

    /** The superuser's password ({@code scram-sha-256}; nobody is trusted without one). */
    public String password() {
        return superuserPassword;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logFile() {
        return logFile;
    }

    /** The major version of the binaries and of the cluster, e.g. 17. */
    public int majorVersion() {
        return binaries.majorVersion();
    }

    /** What the binaries say they are, e.g. {@code 17.6}. */
    public String serverVersion() {
        return binaries.serverVersion();
    }

    public synchronized boolean isRunning() {
        return !stopped;
    }

    /** Makes the database if it does not exist (from {@code template1}: ICU nb-NO) and returns its JDBC URL. */
    public String createDatabase(String name) {
        return createDatabase(name, null);
    }

    /**
     * Makes the database from the given template if it does not exist yet, and
     * returns its JDBC URL. An existing database is left as it is.
     */
    public synchronized String createDatabase(String name, String template) {
        requireRunning();
        try (Connection c = connect("postgres");
                var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return jdbcUrl(name);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + quote(name) + (template == null ? "" : " TEMPLATE " + quote(template)));
                LOG.info("Created database {}{} on the embedded PostgreSQL", name, template == null ? "" : " from " + template);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: made meanwhile by someone else
                    throw e;
                }
            }
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}): open sessions are ended, committed data is kept. Idempotent. */
    public synchronized void stop() {
        stop("fast");
    }

    /**
     * Stops the server as a crash would ({@code pg_ctl stop -m immediate}): every process quits at once, with
     * no checkpoint, and the next start recovers from the write-ahead log. On a durable cluster every commit
     * that was acknowledged survives it. For tests of that promise; Kontor itself always stops with
     * {@link #stop()}. Idempotent.
     */
    public synchronized void stopImmediately() {
        stop("immediate");
    }

    private void stop(String mode) {
        if (stopped) {
            return;
        }
        var result = ChildProcess.run(serverUser.command(binaries.program("pg_ctl"), "stop", "-D", dataDirectory.toString(),
                "-m", mode, "-w", "-t", String.valueOf(PG_CTL_WAIT_SECONDS)), PROCESS_TIMEOUT);
        if (!result.succeeded() && Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw ChildProcess.failure("to stop the embedded PostgreSQL failed", result, logFile);
        }
        stopped = true;
        if (temporarySocketDirectory) {
            try {
                PostgresBinaries.deleteRecursively(socketDirectory);
            } catch (IOException e) {
                LOG.debug("cannot remove {}", socketDirectory, e);
            }
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running its hooks
            }
            shutdownHook = null;
        }
        LOG.info("PostgreSQL on port {} stopped (data at {})", port, dataDirectory);
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Stops the server when the JVM shuts down (Ctrl-C, SIGTERM). Returns this instance. */
    public synchronized EmbeddedPostgres registerShutdownHook() {
        if (shutdownHook == null && !stopped) {
            shutdownHook = new Thread(() -> {
                try {
                    stop();
                } catch (RuntimeException e) {
                    LOG.error("Could not stop the embedded PostgreSQL on port {}", port, e);
                }
            }, "embedded-postgres-stop-" + port);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[PostgreSQL " + binaries.serverVersion() + " on 127.0.0.1:" + port + ", data at "
                + dataDirectory + (stopped ? ", stopped" : "") + "]";
    }

    // ---------------------------------------------------------------- start, step by step

    /** Creates the base directory (reachable by the server's user when that is another) and checks it is reachable. */
    static void prepareBase(Path base, ServerUser user) {
        try {
            if (!Files.isDirectory(base)) {
                user.requireReachable(base);
                Files.createDirectories(base);
                if (user.dropsPrivileges()) {
                    PostgresBinaries.setMode(base, 0755);
                }
            }
            user.requireReachable(base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the base directory " + base + ": " + e.getMessage(), e);
        }
    }

    private static void prepareLog(Path log, ServerUser user) {
        try {
            if (!Files.exists(log)) {
                Files.createFile(log);
                PostgresBinaries.setMode(log, 0600);
            }
            user.own(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the server log " + log, e);
        }
    }

    private static boolean isEmptyOrMissing(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException(directory + " should be PostgreSQL's data directory but is not a directory");
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }

    /**
     * Makes the cluster. A missing data directory is made as {@code data.initdb} and
     * renamed when complete, so a crash mid-initdb never leaves a half cluster; an
     * existing empty one (e.g. a mounted volume) is used in place.
     */
    private static void initdb(PostgresBinaries binaries, ServerUser user, Path data, Path log, Options options, String password) {
        boolean inPlace = Files.isDirectory(data);
        Path target = inPlace ? data : data.resolveSibling(data.getFileName() + ".initdb");
        long started = System.nanoTime();
        Path passwordFile = data.resolveSibling(".initdb-password");
        try {
            if (!inPlace) {
                PostgresBinaries.deleteRecursively(target); // a crashed earlier attempt
                Files.createDirectory(target);
            }
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile);
            PostgresBinaries.setMode(passwordFile, 0600);
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            user.own(passwordFile);
            PostgresBinaries.setMode(target, 0700);
            user.own(target);
            LOG.info("Creating a PostgreSQL {} cluster in {} (ICU locale {}, UTF-8){}", binaries.serverVersion(), data,
                    ICU_LOCALE, user.dropsPrivileges() ? " as " + user.describe() : "");
            ChildProcess.Result result = null;
            for (String locale : CTYPE_LOCALES) {
                var arguments = new ArrayList<>(List.of("-D", target.toString(), "-U", USER, "-A", "scram-sha-256",
                        "--pwfile=" + passwordFile, "-E", "UTF8",
                        "--locale-provider=icu", "--icu-locale=" + ICU_LOCALE, "--locale=" + locale,
                        "--data-checksums", "--no-instructions"));
                if (!options.isDurable()) {
                    arguments.add("--no-sync");
                }
                result = ChildProcess.run(user.command(binaries.program("initdb"), arguments.toArray(String[]::new)),
                        PROCESS_TIMEOUT);
                if (result.succeeded() || !result.output().contains("invalid locale name")) {
                    break;
                }
                LOG.info("The locale {} is not installed here; trying the next one", locale);
            }
            if (!result.succeeded()) {
                throw ChildProcess.failure("initdb failed", result, null);
            }
            restrictClientAuthentication(target);
            if (!inPlace) {
                Files.move(target, data, StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.info("Created the cluster in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PostgreSQL data directory " + data + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                LOG.warn("cannot remove {}: remove it by hand", passwordFile, e);
            }
        }
    }

    private static final String CLIENT_AUTHENTICATION = """
            # Written by Kontor's embedded-PostgreSQL launcher.
            # The server listens on 127.0.0.1 only, its socket directory is private to its user,
            # and every role proves its password (scram-sha-256): nobody is trusted. No replication.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            """;

    /** Only the loopback address and the private socket directory, each with a password; no replication. */
    private static void restrictClientAuthentication(Path data) throws IOException {
        Files.writeString(data.resolve("pg_hba.conf"), CLIENT_AUTHENTICATION, StandardCharsets.UTF_8);
    }

    /** A cluster made before passwords were required trusts every local connection. */
    private static boolean trustsAnyone(Path data) {
        try {
            return Files.readAllLines(data.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.startsWith("#"))
                    .anyMatch(line -> line.matches(".*\\btrust\\s*$"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + data.resolve("pg_hba.conf"), e);
        }
    }

    /**
     * Moves a cluster that trusted local connections (made by an earlier Kontor) to
     * passwords: the superuser gets its password while trust still lets us in, then the
     * server is told to require passwords from everyone.
     */
    private void requirePasswords() {
        try (Connection c = connect("postgres", ""); Statement st = c.createStatement()) {
            st.execute("ALTER ROLE " + USER + " PASSWORD '" + superuserPassword.replace("'", "''") + "'");
            restrictClientAuthentication(dataDirectory);
            st.execute("SELECT pg_reload_conf()");
            LOG.warn("The embedded PostgreSQL in {} trusted every local connection; it now requires passwords"
                    + " (scram-sha-256), kept in Kontor's secrets file", dataDirectory);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move the embedded PostgreSQL to password authentication: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + dataDirectory.resolve("pg_hba.conf"), e);
        }
    }

    private static void checkMajorVersion(Path data, PostgresBinaries binaries) {
        Path versionFile = data.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            throw new IllegalStateException("The directory " + data + " is not empty but has no PG_VERSION file, so it is"
                    + " not a PostgreSQL data directory Kontor can use. Kontor will not overwrite it: move it aside (or"
                    + " delete it if it holds nothing you need) and start again.");
        }
        String found;
        try {
            found = Files.readString(versionFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + versionFile, e);
        }
        String expected = String.valueOf(binaries.majorVersion());
        if (!found.equals(expected)) {
            throw new IllegalStateException("The PostgreSQL data directory " + data + " was made by PostgreSQL " + found
                    + " (its PG_VERSION says " + found + "), but this Kontor brings PostgreSQL " + binaries.serverVersion()
                    + " (major version " + expected + "). Kontor does not convert data between major versions and will"
                    + " not re-initialise it. Either run the Kontor version that brings PostgreSQL " + found
                    + ", or move the data over: with that version running, dump it (pg_dumpall), move " + data
                    + " aside, start this version on the empty directory and restore the dump.");
        }
    }

    /** Refuses a data directory on which a server is running (e.g. another Kontor process). */
    private static void checkNotRunning(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return; // removed meanwhile; pg_ctl sorts out the rest
        }
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return; // garbage: PostgreSQL itself decides
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.info("{} names process {}, which is gone: the last run did not stop cleanly; PostgreSQL will recover", pidFile, pid);
            return;
        }
        String port = lines.size() > 3 ? lines.get(3).strip() : "?";
        String command = process.get().info().command().orElse("unknown");
        throw new IllegalStateException("A PostgreSQL server is already running on the data directory " + data + " (pid "
                + pid + ", port " + port + ", " + command + "), probably started by another Kontor process. Two servers"
                + " on one data directory would corrupt it, so this one does not start. Stop the other Kontor (or that"
                + " server), or give this one another data directory. If process " + pid + " is not PostgreSQL, the"
                + " file " + pidFile + " is stale from a crash: remove it and start again.");
    }

    /** Starts with {@code pg_ctl … -w start}; a picked port taken meanwhile by someone else is replaced (3 tries). */
    private static int startServer(PostgresBinaries binaries, ServerUser user, Path data, Path log, Path sockets,
            Options options) {
        for (int attempt = 1;; attempt++) {
            int port = options.port() != 0 ? options.port() : freePort();
            var settings = new StringBuilder()
                    .append("-p ").append(port)
                    .append(" -k ").append(shellQuote(sockets.toString()))
                    .append(" -c listen_addresses=127.0.0.1");
            if (options.isDurable()) {
                settings.append(" -c fsync=on -c synchronous_commit=on -c full_page_writes=on");
            } else {
                settings.append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            }
            LOG.info("Starting PostgreSQL {} on 127.0.0.1:{} with data at {}", binaries.serverVersion(), port, data);
            var result = ChildProcess.run(user.command(binaries.program("pg_ctl"), "start", "-D", data.toString(),
                    "-l", log.toString(), "-w", "-t", String.valueOf(PG_CTL_WAIT_SECONDS), "-o", settings.toString()),
                    PROCESS_TIMEOUT);
            if (result.succeeded()) {
                return port;
            }
            String logTail = ChildProcess.tail(log, 30);
            if (logTail.contains("lock file \"postmaster.pid\" already exists")) {
                checkNotRunning(data); // names the running server, when it is visible from here
            }
            boolean portTaken = logTail.contains("could not bind") || logTail.contains("Address already in use");
            if (options.port() == 0 && portTaken && attempt < 3) {
                LOG.info("Port {} was taken meanwhile; trying another", port);
                continue;
            }
            throw ChildProcess.failure("to start the embedded PostgreSQL failed", result, log);
        }
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    /** Quoting for pg_ctl's {@code -o}, which goes through {@code /bin/sh}. */
    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    // ---------------------------------------------------------------- checks on the running server

    private void verify() {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(NORWEGIAN_ORDER_CHECK)) {
                rs.next();
                String order = rs.getString(1);
                if (!"Z,Æ,Ø,Å".equals(order)) {
                    throw new IllegalStateException("The embedded PostgreSQL does not sort Norwegian: Z, Æ, Ø, Å came out as "
                            + order + " (the ICU locale " + ICU_LOCALE + " of the binaries in " + binaries.home()
                            + " does not work). Delete " + binaries.home() + " so that it is unpacked again.");
                }
            }
            var mismatches = new ArrayList<String[]>();
            try (ResultSet rs = st.executeQuery("SELECT datname, datcollversion, pg_database_collation_actual_version(oid)"
                    + " FROM pg_database WHERE datallowconn AND datcollversion IS NOT NULL"
                    + " AND datcollversion IS DISTINCT FROM pg_database_collation_actual_version(oid) ORDER BY datname")) {
                while (rs.next()) {
                    mismatches.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            if (!mismatches.isEmpty() && !options.refreshCollationVersion()) {
                var message = new StringBuilder("The collation version recorded in the database");
                message.append(mismatches.size() == 1 ? " " : "s ");
                for (String[] m : mismatches) {
                    message.append(m[0]).append(" (recorded ").append(m[1]).append(", the ICU of PostgreSQL ")
                            .append(binaries.serverVersion()).append(" now gives ").append(m[2]).append("); ");
                }
                message.append("differs from what the binaries provide, so indexes on text may be out of order and"
                        + " could return wrong results. Kontor does not start on them. Reindex each database and record"
                        + " the new version: REINDEX DATABASE <name>; ALTER DATABASE <name> REFRESH COLLATION VERSION;"
                        + " or start once with the option refreshCollationVersion (which does exactly that).");
                throw new IllegalStateException(message.toString());
            }
            for (String[] m : mismatches) {
                refreshCollationVersion(m[0], m[1], m[2]);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL on port " + port + " started but cannot be checked: "
                    + e.getMessage() + "\n--- last lines of " + logFile + " ---\n" + ChildProcess.tail(logFile, 30), e);
        }
    }

    private void refreshCollationVersion(String database, String recorded, String actual) throws SQLException {
        LOG.warn("The collation version of database {} changed from {} to {}: reindexing it and recording the new version",
                database, recorded, actual);
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute("REINDEX DATABASE " + quote(database));
            st.execute("ALTER DATABASE " + quote(database) + " REFRESH COLLATION VERSION");
        }
        LOG.warn("Database {} reindexed; its collation version is now {}", database, actual);
    }

    private Connection connect(String database) throws SQLException {
        return connect(database, superuserPassword);
    }

    private Connection connect(String database, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "kontor-embedded-postgres");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private synchronized void requireRunning() {
        if (stopped) {
            throw new IllegalStateException("the embedded PostgreSQL on port " + port + " is stopped");
        }
    }

    /** A quoted SQL identifier. */
    static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a usable database name: " + identifier);
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
