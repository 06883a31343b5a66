package no.kontor.bootstrap.bench;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * The reports and KPIs on the benchmark data set (ReportData: a million companies, ten
 * million activities, a million sales, 300,000 invoices), over HTTP against the real
 * server: each KPI and each report for last month, called one after another
 * ({@code -Dbench.calls}, default 9, after two warm-up calls), their median and slowest
 * time; then a year of the sales-data export streamed, in rows per second. The targets
 * (docs/architecture.md#performance-targets): a KPI under 300 ms, a month's report under
 * 1 s, an export of at least 100,000 rows/s. It prints a Markdown table and writes it to
 * {@code target/report-benchmark.md}.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * ./mvnw -q -pl crm-bootstrap exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kontor.bootstrap.bench.ReportBenchmark [-Dbench.scale=1] [-Dbench.calls=9]
 * </pre>
 * Without {@code KONTOR_BENCH_DATABASE_URL} it keeps the data set in its own durable
 * embedded PostgreSQL under {@code crm-bootstrap/target/bench-report-postgres} and generates
 * it once (about ten minutes at full scale); later runs start at once.
 */
public final class ReportBenchmark {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private ReportBenchmark() {
    }

    record Timing(String name, double medianMs, double maxMs, String target, boolean met) {
    }

    public static void main(String[] args) throws Exception {
        var scale = ReportData.Scale.of(Double.parseDouble(System.getProperty("bench.scale", "1")));
        int calls = Integer.getInteger("bench.calls", 9);
        var target = target();
        ReportData.generate(target.loadUrl(), target.loadUser(), target.loadPassword(), scale);
        BenchServer.ensureAdmin(target.loadUrl(), target.loadUser(), target.loadPassword());

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, BenchServer.properties(target.server(), 8))) {
            var client = BenchServer.login(server.getURI());
            var today = LocalDate.now(OSLO);
            var lastMonth = today.withDayOfMonth(1).minusMonths(1);
            String month = "from=" + lastMonth + "&to=" + lastMonth.plusMonths(1).minusDays(1);
            String campaign;
            try (var c = target.server().connect(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT campaign FROM activity WHERE campaign IS NOT NULL LIMIT 1")) {
                campaign = rs.next() ? rs.getString(1) : "none";
            }
            client.send("POST", "/api/v1/goals", "{\"metric\":\"REVENUE\",\"firstDay\":\"" + lastMonth + "\",\"lastDay\":\""
                    + lastMonth.plusMonths(1).minusDays(1) + "\",\"target\":100000000000}", 201);

            var kpis = new LinkedHashMap<String, String>();
            kpis.put("KPI freshness per team", "/api/v1/kpis/freshness");
            kpis.put("KPI silent customers (180 days, 100)", "/api/v1/kpis/silent-customers");
            kpis.put("KPI engagement, last month", "/api/v1/kpis/engagement?" + month);
            kpis.put("KPI response times, last month", "/api/v1/kpis/response-times?" + month);
            kpis.put("KPI response times, business hours", "/api/v1/kpis/response-times?businessHours=true&" + month);
            kpis.put("KPI conversion, last month", "/api/v1/kpis/conversion?" + month);
            kpis.put("KPI funnel, last month", "/api/v1/kpis/funnel?" + month);
            kpis.put("KPI mail-out return rate", "/api/v1/kpis/mail-out?campaign=" + URLEncoder.encode(campaign, StandardCharsets.UTF_8));
            kpis.put("Goals with progress (revenue, month)", "/api/v1/goals?" + month);
            var reports = new LinkedHashMap<String, String>();
            for (var by : List.of("TOTAL", "SELLER", "TEAM", "COMPANY", "PRODUCT", "PLACEMENT")) {
                reports.put("Sales by " + by.toLowerCase() + ", month per week", "/api/v1/reports/sales?grain=WEEK&by=" + by + "&" + month);
            }
            reports.put("VAT report, month", "/api/v1/reports/vat?" + month);
            reports.put("Credit notes, month", "/api/v1/reports/credit-notes?" + month);
            reports.put("Price deviations, month", "/api/v1/reports/price-deviations?" + month);
            reports.put("Site revenue per article, month", "/api/v1/reports/site-revenue?" + month);
            reports.put("Occupancy, month", "/api/v1/reports/occupancy?" + month);
            reports.put("Overdue list, first page (bands over all)", "/api/v1/reports/overdue");
            reports.put("Uninvoiced orders (30 days), first page", "/api/v1/reports/uninvoiced-orders");
            reports.put("Unmatched payments", "/api/v1/reports/unmatched-payments");

            // -Dbench.only=<regex> measures only the figures whose names it finds (the export is "export")
            var only = java.util.regex.Pattern.compile(System.getProperty("bench.only", ""), java.util.regex.Pattern.CASE_INSENSITIVE);
            var timings = new ArrayList<Timing>();
            kpis.forEach((name, path) -> {
                if (only.matcher(name).find()) {
                    timings.add(time(client, name, path, calls, 300));
                }
            });
            reports.forEach((name, path) -> {
                if (only.matcher(name).find()) {
                    timings.add(time(client, name, path, calls, 1000));
                }
            });

            var year = "from=" + today.minusDays(364) + "&to=" + today;
            double[] export = null;
            if (only.matcher("export").find()) {
                export(client, "/api/v1/reports/sales-data.csv?" + month); // warm-up, as every figure has: a month
                export = export(client, "/api/v1/reports/sales-data.csv?" + year);
            }

            var table = new StringBuilder("| figure | median ms | slowest ms | target | met |\n| --- | ---: | ---: | --- | --- |\n");
            for (var t : timings) {
                table.append(String.format("| %s | %.0f | %.0f | %s | %s |%n", t.name(), t.medianMs(), t.maxMs(), t.target(), t.met() ? "yes" : "**no**"));
            }
            if (export != null) {
                table.append(String.format("| Sales-data export, a year streamed: %,d rows in %.1f s | | | ≥ 100,000 rows/s | %s (%,.0f rows/s) |%n",
                        (long) export[0], export[1], export[0] / export[1] >= 100_000 ? "yes" : "**no**", export[0] / export[1]));
            }
            System.out.println();
            System.out.println(table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "report-benchmark.md"), table.toString());
        }
    }

    /**
     * Where the data set lives: the server connects as {@code server}; the generator loads as
     * {@code loadUser}, a superuser. Without {@code KONTOR_BENCH_DATABASE_URL}, the embedded
     * PostgreSQL under {@code target/bench-report-postgres}: the server as its application
     * role, the load as its superuser (whose password the embedded default generated).
     */
    /** The data set's database: {@code server} as the application role, {@code load*} as a superuser. Closing stops an embedded one. */
    record Target(BenchServer.Database server, String loadUrl, String loadUser, String loadPassword) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    static Target target() throws Exception {
        return target("bench-report-postgres");
    }

    /** {@code KONTOR_BENCH_DATABASE_URL}, else the embedded PostgreSQL kept in {@code target/<directory>}. */
    static Target target(String directory) throws Exception {
        String external = System.getenv("KONTOR_BENCH_DATABASE_URL");
        if (external == null || external.isBlank()) {
            var db = BenchServer.embedded(directory, "kontor_bench");
            var secrets = new java.util.Properties();
            try (var in = Files.newInputStream(Path.of("target", directory, "secrets.properties").toAbsolutePath())) {
                secrets.load(in);
            }
            return new Target(db, db.url(), no.kontor.embedded.postgres.EmbeddedPostgres.USER,
                    secrets.getProperty("kontor.database.superuser-password"));
        }
        String user = System.getenv().getOrDefault("KONTOR_BENCH_DATABASE_USER", "postgres");
        no.kontor.adapters.persistence.schema.Migrations.migrate(external, user, "", user);
        return new Target(new BenchServer.Database(external, user, ""), external, user, "");
    }

    private static Timing time(BenchServer client, String name, String path, int calls, double targetMs) {
        try {
            client.send("GET", path, null, 200);
            client.send("GET", path, null, 200);
            double[] ms = new double[calls];
            int bytes = 0;
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                bytes = client.send("GET", path, null, 200).body().length();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = ms[calls / 2];
            var t = new Timing(name, median, ms[calls - 1], "< " + (int) targetMs + " ms", median < targetMs);
            System.out.printf("%-45s median %6.0f ms, slowest %6.0f ms, %,d characters%n", name, t.medianMs(), t.maxMs(), bytes);
            return t;
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** Streams the export, counting its lines; returns {rows, seconds}. */
    private static double[] export(BenchServer client, String path) throws Exception {
        var request = HttpRequest.newBuilder(client.base().resolve(path)).header("Authorization", "Bearer " + client.token()).GET().build();
        long t0 = System.nanoTime();
        var response = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export → " + response.statusCode());
        }
        long rows = -1; // the header
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Sales-data export: %,d rows in %.1f s = %,.0f rows/s%n", rows, seconds, rows / seconds);
        return new double[] {rows, seconds};
    }
}
