package no.kontor.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary base directory for a test's own embedded PostgreSQL (one it stops and starts itself),
 * reachable by {@code nobody}, which runs PostgreSQL when the tests run as root; deleted on close.
 */
final class OwnPostgresDirectory implements AutoCloseable {
    private final Path base;

    OwnPostgresDirectory(String prefix) {
        try {
            base = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return base;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the machine cleans it up otherwise
        }
    }
}
