package no.kontor.bootstrap.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.regex.Pattern;

/**
 * The benchmark harness (docs/benchmarks/harness.md): Kontor measured from outside as a user runs it.
 * <ol>
 *   <li>the Reports issue's data set (ReportData; generated once, then kept);</li>
 *   <li>the limits on the same machine: pgbench's keyed read and TPC-B-like writes on the same
 *       PostgreSQL, and plain FOP on the same FO document (measured before, by {@code bench/run});</li>
 *   <li>start to first served request and idle RSS of the packaged jar on an existing embedded database;</li>
 *   <li>the packaged jar on the data set with production settings, warmed, then each operation alone and
 *       the mixed staff workload at each connection count, driven by {@code wrk} over loopback;</li>
 *   <li>a Markdown table and a PNG chart in {@code docs/benchmarks/}; nothing left running.</li>
 * </ol>
 * Options ({@code -D}): {@code bench.scale} (1 = a million companies), {@code bench.connections} (8,16,64),
 * {@code bench.seconds} (10), {@code bench.warmup-seconds} (3), {@code bench.only} (a regex of operations),
 * {@code bench.out} (docs/benchmarks), {@code bench.data} (the data set's directory under target/),
 * {@code bench.pdf-result} (plain FOP's figures from PdfBenchmark), {@code bench.starts} (3: starts measured; 0 skips).
 */
public final class Harness {
    static final List<String> OPERATIONS = List.of("card", "search", "sales", "activity", "booking", "issue", "pdf", "dashboard", "mixed");

    private final Options options;
    private final HarnessReport report;

    record Options(double scale, List<Integer> connections, int seconds, int warmupSeconds, Pattern only, Path out, String data,
                   Path root, Path pdfResult, int starts) {
        static Options fromSystemProperties() {
            Path root = Path.of("").toAbsolutePath();
            String pdf = System.getProperty("bench.pdf-result", "");
            return new Options(Double.parseDouble(System.getProperty("bench.scale", "1")),
                    Arrays.stream(System.getProperty("bench.connections", "8,16,64").split(",")).map(String::strip).map(Integer::valueOf).toList(),
                    Integer.getInteger("bench.seconds", 10), Integer.getInteger("bench.warmup-seconds", 3),
                    Pattern.compile(System.getProperty("bench.only", ".*")), root.resolve(System.getProperty("bench.out", "docs/benchmarks")),
                    System.getProperty("bench.data", "bench-report-postgres"), root, pdf.isBlank() ? null : Path.of(pdf),
                    Integer.getInteger("bench.starts", 3));
        }

        Path jar() {
            return root.resolve("crm-bootstrap/target/kontor.jar");
        }

        Path work() {
            return root.resolve("target/bench-harness");
        }
    }

    private Harness(Options options) {
        this.options = options;
        this.report = new HarnessReport(options.scale(), options.seconds());
    }

    public static void main(String[] args) throws Exception {
        var harness = new Harness(Options.fromSystemProperties());
        harness.run();
        System.exit(0); // exec:java: nothing of ours may keep the JVM up
    }

    /** Runs everything and returns the report (also written to {@code bench.out}). */
    static HarnessReport run(Options options) throws Exception {
        var harness = new Harness(options);
        harness.run();
        return harness.report;
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("no " + options.jar() + ": build it first (./mvnw -q -DskipTests install), as bench/run does");
        }
        Files.createDirectories(options.work());
        long t0 = System.nanoTime();
        if (options.pdfResult() != null) {
            report.plainFop(PdfFigures.read(options.pdfResult()));
        }
        step("start and idle memory on an existing embedded database");
        if (options.starts() > 0) {
            report.start(StartMeasurement.measure(options.jar(), options.work().resolve("embedded-start"), options.starts()));
        }
        try (var target = ReportBenchmark.target(options.data())) {
            step("the data set");
            ReportData.generate(target.loadUrl(), target.loadUser(), target.loadPassword(), ReportData.Scale.of(options.scale()));
            BenchServer.ensureAdmin(target.loadUrl(), target.loadUser(), target.loadPassword());
            step("the limits: pgbench on the same PostgreSQL");
            report.limits(Pgbench.measure(target.loadUrl(), target.loadUser(), target.loadPassword(), options.work(),
                    options.scale() >= 0.1 ? 10 : 1, options.seconds()));
            step("the packaged jar on the data set");
            abandonRenderBacklog(target);
            try {
                load(target);
            } finally {
                abandonRenderBacklog(target);
            }
        }
        report.write(options.out());
        System.out.printf(Locale.ROOT, "%nThe harness took %.1f minutes; the report is in %s%n", (System.nanoTime() - t0) / 60e9, options.out());
        System.out.println(report.markdown());
    }

    private void load(ReportBenchmark.Target target) throws Exception {
        var environment = new HashMap<>(Map.of("KONTOR_DATABASE_URL", target.server().url(), "KONTOR_DATABASE_USER", target.server().user(),
                "KONTOR_DATABASE_PASSWORD", target.server().password(), "KONTOR_AUDIT_KEY", "bench-audit-key-0123456789abcdef0123456789",
                "KONTOR_JWT_SECRET", "bench-jwt-secret-0123456789abcdef0123456789",
                "KONTOR_PIN_KEY", "bench-pin-key-0123456789abcdef0123456789ab"));
        environment.putAll(Map.of("KONTOR_SELLER_NAME", "Benkeavisa AS", "KONTOR_SELLER_ORGANISATION_NUMBER", "974760673",
                "KONTOR_SELLER_ACCOUNT", "86011117947", "KONTOR_SELLER_EMAIL", "faktura@benkeavisa.example",
                "KONTOR_SELLER_VAT_REGISTERED_FROM", "2024-01-01"));
        try (var server = KontorProcess.start(options.jar(), environment, options.work().resolve("server.log"))) {
            var inputs = new HarnessInputs(server.base(), target.server(), options.work(), Wrk.THREADS);
            System.out.printf("Kontor answers at %s after %d ms on the data set%n", server.base(), server.startToFirstAnswerMs());
            Path script = options.root().resolve("bench/wrk/kontor.lua");
            // the JIT compiles what the load runs: the reads and a write, ten times a run's warm-up in all, before anything counts
            for (String operation : List.of("card", "card", "search", "sales", "activity")) {
                Wrk.run(script, server.base(), inputs.prepare(operation, options.warmupSeconds()), operation, 16, 2 * options.warmupSeconds());
            }
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            try {
                for (String operation : OPERATIONS) {
                    if (!options.only().matcher(operation).matches()) {
                        continue;
                    }
                    if (operation.equals("pdf")) {
                        report.rendering(inputs.measureRendering(Math.max(options.seconds(), 5)));
                    }
                    for (int connections : options.connections()) {
                        Path warm = inputs.prepare(operation, options.warmupSeconds());
                        var warmup = Wrk.run(script, server.base(), warm, operation, connections, options.warmupSeconds());
                        inputs.observe(operation, warmup);
                        Path measured = inputs.prepare(operation, options.seconds());
                        var rss = new DoubleAccumulator(Math::max, 0);
                        var sampling = sampler.scheduleAtFixedRate(() -> rss.accumulate(server.rssMiB()), 0, 200, TimeUnit.MILLISECONDS);
                        var result = Wrk.run(script, server.base(), measured, operation, connections, options.seconds());
                        sampling.cancel(false);
                        inputs.observe(operation, result);
                        report.add(operation, connections, result, rss.get());
                        System.out.printf(Locale.ROOT, "  %-9s %3d conns: %,9.0f/s  p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.1f ms  errors %d  RSS %.0f MiB%n",
                                operation, connections, result.perSecond(), result.p50(), result.p90(), result.p99(), result.max(),
                                result.errors(), rss.get());
                        if (!result.refusals().isEmpty()) {
                            System.out.println(result.refusals());
                        }
                    }
                }
                Thread.sleep(5_000);
                report.idleAfterLoad(server.rssMiB());
            } finally {
                sampler.shutdownNow();
            }
        }
    }

    /**
     * The PDFs the harness's issues asked for and the worker had not rendered when the server stopped: marked failed, in the
     * benchmark's own database, so that the next run does not start with a backlog rendering under its measurements.
     */
    private static void abandonRenderBacklog(ReportBenchmark.Target target) throws SQLException {
        try (var c = DriverManager.getConnection(target.loadUrl(), target.loadUser(), target.loadPassword()); var st = c.createStatement()) {
            int left = st.executeUpdate("UPDATE outbox SET failed = true, last_error = 'benchmark: left by the harness' "
                    + "WHERE kind = 'RENDER_PDF' AND done_at IS NULL AND NOT failed");
            if (left > 0) {
                System.out.printf("  %d render jobs the harness left behind are marked failed%n", left);
            }
        }
    }

    private static void step(String what) {
        System.out.println();
        System.out.println("== " + what);
    }

    /** Plain FOP's and Kontor's renderer's PDFs per second, one thread, from PdfBenchmark's result file. */
    record PdfFigures(double plainPerSecond, double rendererPerSecond) {
        static PdfFigures read(Path file) throws java.io.IOException {
            var p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new PdfFigures(Double.parseDouble(p.getProperty("plain.pdfs-per-second")),
                    Double.parseDouble(p.getProperty("renderer.pdfs-per-second")));
        }
    }

    /** A random sample of real names: prefixes (70 %) and misspelt names searched fuzzily (30 %), as search paths. */
    static List<String> searches(Connection c, int count, long seed) throws SQLException {
        var names = new ArrayList<String>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM company ORDER BY random() LIMIT " + count)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        var random = new Random(seed);
        var paths = new ArrayList<String>();
        for (String name : names) {
            if (random.nextInt(10) < 7) {
                String prefix = name.substring(0, Math.min(name.length(), 3 + random.nextInt(6))).strip();
                paths.add("/api/v1/companies?limit=20&q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
            } else {
                char[] letters = name.toCharArray();
                int at = 1 + random.nextInt(Math.max(1, Math.min(letters.length - 1, 8)));
                letters[at] = letters[at] == 'e' ? 'a' : 'e';
                paths.add("/api/v1/companies?limit=20&mode=FUZZY&q=" + URLEncoder.encode(new String(letters), StandardCharsets.UTF_8));
            }
        }
        return paths;
    }

    static Connection connect(BenchServer.Database db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
