package no.kontor.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the workload script needs, written to files before each wrk run: the token, the range of
 * company ids, search paths, companies with sales, a sale to book for, fresh placements for each
 * run that books (so that no day is asked for twice), enough drafts for each run that issues, the
 * invoices whose PDFs are stored, and a KPI dashboard.
 */
final class HarnessInputs {
    /** The share of the mixed workload that issues (kontor.lua's weights sum to 1,000). */
    private static final double MIXED_ISSUE_SHARE = 0.03;

    private final BenchServer client;
    private final BenchServer.Database db;
    private final Path dir;
    private final int threads;
    private final long firstCompany;
    private final long lastCompany;
    private final long bookingSale;
    private final long dashboard;
    private final List<Long> drafts = new ArrayList<>();
    private double issuesPerSecond = 150;
    private double mixedIssuesPerSecond = 150;
    private int runs;

    HarnessInputs(URI base, BenchServer.Database db, Path work, int threads) throws Exception {
        this.client = BenchServer.login(base);
        this.db = db;
        this.dir = Files.createDirectories(work.resolve("inputs"));
        deleteOld(dir);
        this.threads = threads;
        try (var c = Harness.connect(db); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT min(id), max(id), count(*) FROM company")) {
                rs.next();
                firstCompany = rs.getLong(1);
                lastCompany = rs.getLong(2);
                if (rs.getLong(3) != lastCompany - firstCompany + 1) {
                    throw new IllegalStateException("the workload draws company ids from a range: the data set's ids have holes");
                }
            }
            Files.write(dir.resolve("searches.txt"), Harness.searches(c, 3000, 20261204L));
            var withSales = new ArrayList<String>();
            try (var rs = st.executeQuery("SELECT company_id FROM sale ORDER BY random() LIMIT 5000")) {
                while (rs.next()) {
                    withSales.add(rs.getString(1));
                }
            }
            Files.write(dir.resolve("sale-companies.txt"), withSales);
        }
        long company = BenchServer.id(client.send("POST", "/api/v1/companies", "{\"name\":\"Benken Annonse AS\",\"status\":\"CUSTOMER\"}", 201));
        bookingSale = BenchServer.id(client.send("POST", "/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}", 201));
        dashboard = BenchServer.id(client.send("POST", "/api/v1/dashboards", "{\"name\":\"Benkens tavle\",\"widgets\":["
                + "{\"kind\":\"FRESHNESS\"},{\"kind\":\"FUNNEL\",\"period\":\"LAST_MONTH\"},{\"kind\":\"SALES\",\"period\":\"THIS_MONTH\","
                + "\"grain\":\"WEEK\"}]}", 201));
        client.send("GET", "/api/v1/dashboards/" + dashboard + "/figures", null, 200);
    }

    /** The inputs file of the next run of {@code operation}, lasting {@code seconds}. */
    Path prepare(String operation, int seconds) throws Exception {
        int run = ++runs;
        Path placements = dir.resolve("placements-" + run + ".txt");
        Files.write(placements, operation.equals("booking") || operation.equals("mixed") ? freshPlacements(run) : List.of());
        Path draftFile = dir.resolve("drafts-" + run + ".txt");
        var handedOut = new ArrayList<String>();
        if (operation.equals("issue") || operation.equals("mixed")) {
            // wrk leaves requests in flight when its time is up: a draft given to one run is never given to another
            double rate = operation.equals("issue") ? issuesPerSecond : mixedIssuesPerSecond;
            int needed = (int) Math.ceil(rate * seconds * 1.5) + 50;
            ensureDrafts(needed);
            var batch = drafts.subList(0, needed);
            batch.forEach(id -> handedOut.add(id.toString()));
            batch.clear();
        }
        Files.write(draftFile, handedOut);
        Path pdfs = dir.resolve("pdfs-" + run + ".txt");
        Files.write(pdfs, operation.equals("pdf") || operation.equals("mixed") ? renderedInvoices() : List.of());
        Path inputs = dir.resolve("inputs-" + run + ".properties");
        Files.write(inputs, List.of("token=" + client.token(), "threads=" + threads, "companies.first=" + firstCompany,
                "companies.last=" + lastCompany, "searches=" + dir.resolve("searches.txt"),
                "sale-companies=" + dir.resolve("sale-companies.txt"), "drafts=" + draftFile, "pdfs=" + pdfs,
                "placements=" + placements, "booking.sale=" + bookingSale, "booking.first-day-epoch=1893456000", // 2030-01-01
                "dashboard=" + dashboard));
        return inputs;
    }

    /** Learns from a run how fast drafts are used. */
    void observe(String operation, Wrk.Result result) {
        if (operation.equals("issue")) {
            issuesPerSecond = Math.max(result.perSecond(), 10);
        } else if (operation.equals("mixed")) {
            mixedIssuesPerSecond = Math.max(result.perSecond() * MIXED_ISSUE_SHARE, 10);
        }
    }

    /**
     * How many PDFs the server's outbox worker renders per second, over {@code seconds} while nothing else runs: the
     * PDFs the pending render jobs stand for, before and after. A job renders the archived PDF and its pre-printed
     * variant, and the customer's two copies when it carries a PIN (its payload, removed when it is done). Issuing
     * outruns rendering many times over, so the backlog is not waited for: it renders on in the background.
     */
    Rendering measureRendering(int seconds) throws Exception {
        long before = pendingPdfs();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        var rendering = new Rendering(before - pendingPdfs(), (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "  the outbox worker rendered %d PDFs in %.1f s: %.1f PDFs/s%n", rendering.pdfs(), rendering.seconds(),
                rendering.perSecond());
        return rendering;
    }

    record Rendering(long pdfs, double seconds) {
        double perSecond() {
            return pdfs / seconds;
        }
    }

    private long pendingPdfs() throws SQLException {
        try (var c = Harness.connect(db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT 2 * count(*) + 2 * count(payload) FROM outbox WHERE kind = 'RENDER_PDF' AND done_at IS NULL "
                     + "AND NOT failed")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> renderedInvoices() throws SQLException {
        var ids = new ArrayList<String>();
        try (var c = Harness.connect(db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT invoice_id FROM outbox WHERE kind = 'RENDER_PDF' AND done_at IS NOT NULL AND NOT failed "
                     + "ORDER BY id DESC LIMIT 2000")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no rendered invoice to fetch: run the issue operation first");
        }
        return ids;
    }

    private List<String> freshPlacements(int run) throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < threads * 10; i++) {
            ids.add(Long.toString(BenchServer.id(client.send("POST", "/api/v1/placements", "{\"name\":\"Benk " + System.nanoTime() + " " + run
                    + "-" + i + "\",\"unit\":\"DAY\",\"channel\":\"Benk\"}", 201))));
        }
        return ids;
    }

    private void ensureDrafts(int needed) throws Exception {
        if (drafts.size() < needed) {
            int more = needed - drafts.size() + 100;
            long t0 = System.nanoTime();
            drafts.addAll(IssueBenchmark.makeDrafts(client, more, 8));
            System.out.printf(Locale.ROOT, "  made %d drafts through the API in %.1f s%n", more, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The last run's files: kept under target/bench-harness/inputs for a look after the run, until the next. */
    private static void deleteOld(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
    }
}
