package no.kontor.bootstrap.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as a user starts it ({@code java -jar kontor.jar}, the jar's default JVM
 * flags) in a process of its own, its output kept in a log file. Closing stops it as Ctrl-C does
 * (SIGTERM, so the embedded PostgreSQL it may have started stops with it) and waits.
 */
final class KontorProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI base;
    private final long startToFirstAnswerMs;

    private KontorProcess(Process process, URI base, long startToFirstAnswerMs) {
        this.process = process;
        this.base = base;
        this.startToFirstAnswerMs = startToFirstAnswerMs;
    }

    /** Starts the jar with {@code environment} added to this one's and waits (at most two minutes) for its first served request. */
    static KontorProcess start(Path jar, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-jar", jar.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("KONTOR_PORT", Integer.toString(port));
        URI base = URI.create("http://127.0.0.1:" + port);
        long t0 = System.nanoTime();
        Process process = builder.start();
        var health = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kontor stopped at start (exit " + process.exitValue() + "); see " + log);
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(2)) {
                process.destroyForcibly();
                throw new IllegalStateException("Kontor did not answer within two minutes; see " + log);
            }
            Thread.sleep(10);
        }
        return new KontorProcess(process, base, (System.nanoTime() - t0) / 1_000_000);
    }

    URI base() {
        return base;
    }

    /** Milliseconds from launching the JVM to the first {@code 200} on {@code /health}. */
    long startToFirstAnswerMs() {
        return startToFirstAnswerMs;
    }

    /** The server JVM's resident set in MiB (an embedded PostgreSQL's processes are not counted). */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException gone) {
            // the process has ended
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
