package no.kontor.embedded.postgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process to its end and keeps everything it printed (stdout and
 * stderr together), so that a failure can be reported with the command, its exit
 * code and its output.
 */
final class ChildProcess {

    /** The outcome of one run. */
    record Result(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ChildProcess() {
    }

    /**
     * Runs the command and waits for it. A timeout kills the process and is reported
     * as exit code -1. Environment variables starting with {@code PG} are removed, so
     * that a developer's {@code PGDATA} or {@code PGPORT} cannot steer the embedded server.
     */
    static Result run(List<String> command, Duration timeout) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child does not read its input
        }
        var output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "embedded-postgres-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(finished ? 5_000 : 1_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        if (!finished) {
            text = text + "\n(killed after " + timeout.toSeconds() + " s)";
        }
        return new Result(List.copyOf(command), finished ? process.exitValue() : -1, text.strip());
    }

    /** Runs the command and throws, with everything known, unless it exits with 0. */
    static Result runChecked(List<String> command, Duration timeout, Path serverLog) {
        Result result = run(command, timeout);
        if (!result.succeeded()) {
            throw failure("failed", result, serverLog);
        }
        return result;
    }

    static IllegalStateException failure(String what, Result result, Path serverLog) {
        var message = new StringBuilder("Embedded PostgreSQL: command ").append(what)
                .append(" (exit code ").append(result.exitCode()).append("): ")
                .append(String.join(" ", result.command()));
        message.append("\n--- its output ---\n").append(result.output().isEmpty() ? "(none)" : result.output());
        if (serverLog != null) {
            message.append("\n--- last lines of ").append(serverLog).append(" ---\n").append(tail(serverLog, 30));
        }
        return new IllegalStateException(message.toString());
    }

    /** The last lines of a text file, or a note saying why there are none. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no such file)";
        }
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 64 * 1024);
            channel.position(size - length);
            var buffer = java.nio.ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the end of the file
            }
            // a log may hold bytes that are not UTF-8: decoding replaces them
            String[] all = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, all.length - lines);
            String text = String.join("\n", java.util.Arrays.asList(all).subList(from, all.length)).strip();
            return text.isEmpty() ? "(empty)" : text;
        } catch (IOException e) {
            return "(cannot read: " + e.getMessage() + ")";
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the process ended or was killed; what was read is kept
        }
    }
}
