package no.kontor.bootstrap.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The harness's figures: each operation at each connection count, the limits beside them, the
 * targets with their ratios; written as {@code harness-results.md} and {@code harness.png}.
 */
final class HarnessReport {
    static final String MARKDOWN = "harness-results.md";
    static final String CHART = "harness.png";

    private static final Map<String, String> NAMES = Map.of("card", "GET company card", "search", "search by name (70 % prefix, 30 % fuzzy)",
            "sales", "list a company's sales", "activity", "POST activity", "booking", "POST booking", "issue", "issue an invoice",
            "pdf", "GET invoice PDF (stored)", "dashboard", "KPI dashboard (3 figures)", "mixed", "mixed staff workload");

    record Row(String operation, int connections, Wrk.Result result, double rssMiB) {
    }

    private final double scale;
    private final int seconds;
    private final List<Row> rows = new ArrayList<>();
    private Pgbench.Limits limits;
    private Harness.PdfFigures plainFop;
    private HarnessInputs.Rendering rendering;
    private StartMeasurement.Start start;
    private double idleAfterLoadMiB = Double.NaN;

    HarnessReport(double scale, int seconds) {
        this.scale = scale;
        this.seconds = seconds;
    }

    void add(String operation, int connections, Wrk.Result result, double rssMiB) {
        rows.add(new Row(operation, connections, result, rssMiB));
    }

    void limits(Pgbench.Limits measured) {
        this.limits = measured;
    }

    void plainFop(Harness.PdfFigures figures) {
        this.plainFop = figures;
    }

    void rendering(HarnessInputs.Rendering measured) {
        this.rendering = measured;
    }

    void start(StartMeasurement.Start measured) {
        this.start = measured;
    }

    void idleAfterLoad(double rssMiB) {
        this.idleAfterLoadMiB = rssMiB;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    long errors() {
        return rows.stream().mapToLong(r -> r.result().errors()).sum();
    }

    private Row row(String operation, int connections) {
        return rows.stream().filter(r -> r.operation().equals(operation) && r.connections() == connections).findFirst().orElse(null);
    }

    String markdown() {
        var md = new StringBuilder();
        md.append("# Benchmark harness: results\n\n");
        md.append(String.format(Locale.ROOT, "Written by `bench/run` on %s: %s, %d cores, %s; data set at scale %s; %d s per measurement "
                        + "after a warm-up; server, PostgreSQL and wrk on this one machine. How to read it: [harness.md](harness.md).%n%n",
                ZonedDateTime.now(ZoneId.of("Europe/Oslo")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), cpu(),
                Runtime.getRuntime().availableProcessors(), memory(), scale == 1 ? "1 (a million companies)" : Double.toString(scale), seconds));
        md.append("## Each operation\n\n");
        md.append("| operation | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | server RSS MiB (max) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            var w = r.result();
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %.1f | %d | %.0f |%n", NAMES.get(r.operation()),
                    r.connections(), w.perSecond(), w.p50(), w.p90(), w.p99(), w.max(), w.errors(), r.rssMiB()));
        }
        md.append("\n![requests per second and p99 per operation](").append(CHART).append(")\n\n");
        md.append("## Targets and limits\n\n| what | target or limit | measured | ratio |\n| --- | --- | --- | ---: |\n");
        var card = row("card", 16);
        if (card != null) {
            target(md, "company card, 16 connections", "≥ 10,000/s", card.result().perSecond(), 10_000);
            target(md, "company card p99, 16 connections", "≤ 10 ms", 10, card.result().p99(), "ms");
            if (limits != null) {
                target(md, "company card against pgbench's keyed read", String.format(Locale.ROOT, "%,.0f/s", limits.keyedReadPerSecond()),
                        card.result().perSecond(), limits.keyedReadPerSecond());
            }
        }
        var search = row("search", 16);
        if (search != null) {
            target(md, "search, 16 connections", "≥ 1,000/s", search.result().perSecond(), 1_000);
            target(md, "search p99, 16 connections", "≤ 50 ms", 50, search.result().p99(), "ms");
        }
        var activity = row("activity", 16);
        if (activity != null) {
            target(md, "log an activity, 16 connections", "≥ 1,500/s", activity.result().perSecond(), 1_500);
            if (limits != null) {
                target(md, "log an activity against pgbench's TPC-B-like writes", String.format(Locale.ROOT, "%,.0f/s", limits.tpcbPerSecond()),
                        activity.result().perSecond(), limits.tpcbPerSecond());
            }
        }
        var issue = row("issue", 16);
        if (issue != null) {
            target(md, "issue an invoice, 16 connections", "≥ 50/s", issue.result().perSecond(), 50);
        }
        if (rendering != null && plainFop != null) {
            target(md, "PDFs rendered by the server's outbox worker against plain FOP (one thread, same FO)",
                    String.format(Locale.ROOT, "%.1f PDFs/s", plainFop.plainPerSecond()), rendering.perSecond(), plainFop.plainPerSecond());
            md.append(String.format(Locale.ROOT, "| the renderer alone against plain FOP (PdfBenchmark) | within 20 %% | %.1f PDFs/s | %.2f |%n",
                    plainFop.rendererPerSecond(), plainFop.rendererPerSecond() / plainFop.plainPerSecond()));
        }
        if (start != null) {
            target(md, "start to first served request, existing embedded database (median of " + start.startMs().size() + ")", "< 3 s",
                    3_000, start.medianStartMs(), "ms");
            target(md, "idle RSS after start (median)", "< 300 MB", 300, start.medianIdleRssMiB(), "MiB");
        }
        if (!Double.isNaN(idleAfterLoadMiB)) {
            md.append(String.format(Locale.ROOT, "| RSS 5 s after the load, on the data set | < 300 MB | %.0f MiB | %.2f |%n", idleAfterLoadMiB,
                    idleAfterLoadMiB / 300));
        }
        md.append(String.format(Locale.ROOT, "%nErrors (socket errors, timeouts, statuses ≥ 400) over every run: **%d** (must be 0).%n", errors()));
        return md.toString();
    }

    /** A throughput: measured against a floor, ratio measured / floor (≥ 1 is met). */
    private static void target(StringBuilder md, String what, String target, double measured, double floor) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f/s | %.2f |%n", what, target, measured, measured / floor));
    }

    /** A time or a size: measured against a ceiling, ratio measured / ceiling (≤ 1 is met). */
    private static void target(StringBuilder md, String what, String target, double ceiling, double measured, String unit) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %,.1f %s | %.2f |%n", what, target, measured, unit, measured / ceiling));
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKDOWN), markdown());
        chart(directory.resolve(CHART));
    }

    /** Requests/s and p99 per operation, one bar per connection count, on logarithmic axes (the operations differ a thousandfold). */
    private void chart(Path file) throws IOException {
        var throughput = new DefaultCategoryDataset();
        var p99 = new DefaultCategoryDataset();
        for (Row r : rows) {
            String series = r.connections() + " connections";
            throughput.addValue(r.result().perSecond(), series, r.operation());
            p99.addValue(Math.max(r.result().p99(), 0.1), series, r.operation());
        }
        var combined = new CombinedDomainCategoryPlot(new CategoryAxis("operation"));
        combined.add(plot(throughput, "requests/s"), 1);
        combined.add(plot(p99, "p99 latency, ms"), 1);
        var chart = new JFreeChart("Kontor on " + Runtime.getRuntime().availableProcessors() + " cores: wrk over loopback", combined);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 800);
    }

    private static CategoryPlot plot(DefaultCategoryDataset data, String label) {
        var axis = new LogarithmicAxis(label);
        axis.setAllowNegativesFlag(false);
        axis.setStrictValuesFlag(false);
        var renderer = new BarRenderer();
        renderer.setIncludeBaseInRange(false);
        renderer.setBase(0.1); // a bar grows from a positive base on a logarithmic axis
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        var plot = new CategoryPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "memory unknown";
    }
}
