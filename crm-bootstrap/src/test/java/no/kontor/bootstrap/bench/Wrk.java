package no.kontor.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk} (Debian's package) with Kontor's workload script
 * ({@code bench/wrk/kontor.lua}), read back from the JSON line its {@code done()} prints.
 */
final class Wrk {
    static final int THREADS = 2;
    private static final Pattern LINE = Pattern.compile("^HARNESS (\\{.*})$", Pattern.MULTILINE);

    private Wrk() {
    }

    /** What one run measured; latencies in milliseconds. */
    record Result(long requests, double seconds, long errors, double p50, double p90, double p99, double max, String refusals) {
        double perSecond() {
            return requests / seconds;
        }
    }

    static Result run(Path script, URI base, Path inputs, String operation, int connections, int seconds)
            throws IOException, InterruptedException {
        var process = new ProcessBuilder(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s", "--timeout", "30s",
                "-s", script.toString(), base.toString(), "--", inputs.toString(), operation)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher m = LINE.matcher(output);
        if (exit != 0 || !m.find() || output.contains("PANIC") || output.contains(".lua:")) {
            throw new IllegalStateException("wrk " + operation + " at " + connections + " connections failed (exit " + exit + "):\n" + output);
        }
        String json = m.group(1);
        long errors = number(json, "connect") + number(json, "read") + number(json, "write") + number(json, "status")
                + number(json, "timeout");
        return new Result(number(json, "requests"), number(json, "duration_us") / 1e6, errors, number(json, "p50_us") / 1e3,
                number(json, "p90_us") / 1e3, number(json, "p99_us") / 1e3, number(json, "max_us") / 1e3,
                String.join("\n", output.lines().filter(l -> l.startsWith("REFUSED")).toList()));
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + field + ": " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
