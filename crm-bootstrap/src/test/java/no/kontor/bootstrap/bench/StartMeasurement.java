package no.kontor.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start to first served request and idle RSS, as DECISIONS' targets define them: the packaged jar with
 * its default JVM flags on an existing embedded database (the README's first command, second time).
 * The first start makes the database and is not counted.
 */
final class StartMeasurement {
    private StartMeasurement() {
    }

    /** Median start and idle RSS over {@code times} starts; each run's figures are kept too. */
    record Start(List<Long> startMs, List<Double> idleRssMiB) {
        long medianStartMs() {
            return startMs.stream().sorted().toList().get(startMs.size() / 2);
        }

        double medianIdleRssMiB() {
            return idleRssMiB.stream().sorted().toList().get(idleRssMiB.size() / 2);
        }
    }

    static Start measure(Path jar, Path dataDirectory, int times) throws Exception {
        Files.createDirectories(dataDirectory);
        // as root the embedded PostgreSQL runs as nobody, which must reach the directory
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
        var environment = Map.of("KONTOR_DATA_DIR", dataDirectory.toString());
        try (var first = KontorProcess.start(jar, environment, dataDirectory.resolveSibling("embedded-start-first.log"))) {
            System.out.printf("  first start (a new database, not counted): %d ms%n", first.startToFirstAnswerMs());
        }
        var starts = new ArrayList<Long>();
        var rss = new ArrayList<Double>();
        for (int i = 0; i < times; i++) {
            try (var server = KontorProcess.start(jar, environment, dataDirectory.resolveSibling("embedded-start-" + i + ".log"))) {
                starts.add(server.startToFirstAnswerMs());
                Thread.sleep(10_000); // idle: the renderer's warm-up in the background is done
                rss.add(server.rssMiB());
                System.out.printf("  start %d: first request served after %d ms, idle RSS %.0f MiB%n", i + 1, starts.get(i), rss.get(i));
            }
        }
        return new Start(starts, rss);
    }
}
