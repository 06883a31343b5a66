package no.kontor.bootstrap.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * The staff pages' server time on the benchmark data set of the reports (ReportData: a million
 * companies, ten million activities, a million sales, 300,000 invoices): each page fetched with
 * a session cookie, as the browser does, over loopback, one after another (two warm-ups, then
 * {@code -Dbench.calls}, default 15). Pages that read many records cycle through real ids (a
 * different company card each call). The target (docs/architecture.md#performance-targets):
 * every page under 100 ms, a page that runs a month's report at most 1 s. It prints a Markdown
 * table and writes it to {@code target/page-benchmark.md}.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * ./mvnw -q -pl crm-bootstrap exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kontor.bootstrap.bench.PageBenchmark [-Dbench.scale=1] [-Dbench.calls=15] [-Dbench.only=regex]
 * </pre>
 * It shares the reports' data set ({@code target/bench-report-postgres}, or
 * {@code KONTOR_BENCH_DATABASE_URL}), generating it when missing.
 */
public final class PageBenchmark {
    static final String SELLER_PASSWORD = "bench-seller-password";

    private PageBenchmark() {
    }

    record Timing(String name, double medianMs, double p90Ms, double maxMs, int targetMs) {
        boolean met() {
            return medianMs < targetMs;
        }
    }

    public static void main(String[] args) throws Exception {
        var scale = ReportData.Scale.of(Double.parseDouble(System.getProperty("bench.scale", "1")));
        int calls = Integer.getInteger("bench.calls", 15);
        var only = java.util.regex.Pattern.compile(System.getProperty("bench.only", ""), java.util.regex.Pattern.CASE_INSENSITIVE);
        var target = ReportBenchmark.target();
        ReportData.generate(target.loadUrl(), target.loadUser(), target.loadPassword(), scale);
        String seller;
        Map<String, List<String>> ids = new LinkedHashMap<>();
        BenchServer.ensureAdmin(target.loadUrl(), target.loadUser(), target.loadPassword());
        try (var c = java.sql.DriverManager.getConnection(target.loadUrl(), target.loadUser(), target.loadPassword())) {
            var hasher = new no.kontor.application.identity.BcryptPasswordHasher(4);
            // the busiest seller (the most follow-ups) logs in with a password the benchmark knows
            seller = one(c, "SELECT u.username FROM staff_user u WHERE u.role = 'SELLER' AND u.active ORDER BY "
                    + "(SELECT count(*) FROM sale s WHERE s.responsible_seller_id = u.id) DESC, u.id LIMIT 1");
            try (var ps = c.prepareStatement("UPDATE staff_user SET password_hash = ? WHERE username = ?")) {
                ps.setString(1, hasher.hash(SELLER_PASSWORD.toCharArray()));
                ps.setString(2, seller);
                ps.executeUpdate();
            }
            ids.put("company", column(c, "SELECT id FROM company ORDER BY random() LIMIT 50"));
            ids.put("prefix", column(c, "SELECT left(name, 4) FROM company ORDER BY random() LIMIT 50"));
            ids.put("sale", column(c, "SELECT id FROM sale ORDER BY random() LIMIT 50"));
            ids.put("invoice", column(c, "SELECT id FROM invoice WHERE status <> 'DRAFT' ORDER BY random() LIMIT 50"));
            ids.put("placement", column(c, "SELECT id FROM placement ORDER BY id LIMIT 50"));
        }

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, BenchServer.properties(target.server(), 8))) {
            var sellerPages = new Pages(server.getURI(), seller, SELLER_PASSWORD);
            var adminPages = new Pages(server.getURI(), "admin", BenchServer.ADMIN_PASSWORD);
            var timings = new ArrayList<Timing>();
            for (var page : pages(ids)) {
                if (only.matcher(page.name()).find()) {
                    timings.add((page.asAdmin() ? adminPages : sellerPages).time(page.name(), page.paths(), calls, page.targetMs()));
                }
            }
            var table = new StringBuilder("| page | median ms | p90 ms | slowest ms | target | met |\n| --- | ---: | ---: | ---: | --- | --- |\n");
            for (var t : timings) {
                table.append(String.format("| %s | %.0f | %.0f | %.0f | < %d ms | %s |%n", t.name(), t.medianMs(), t.p90Ms(), t.maxMs(),
                        t.targetMs(), t.met() ? "yes" : "**no**"));
            }
            System.out.println();
            System.out.println(table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "page-benchmark.md"), table.toString());
        }
    }

    record Page(String name, List<String> paths, int targetMs, boolean asAdmin) {
    }

    /** The pages measured: every staff page of a section, with real ids of the data set. */
    static List<Page> pages(Map<String, List<String>> ids) {
        var pages = new ArrayList<Page>();
        pages.add(new Page("Home: work list and new orders", List.of("/ui"), 100, false));
        pages.add(new Page("Company search, a real name's prefix", ids.get("prefix").stream()
                .map(p -> "/ui/companies?q=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).toList(), 100, false));
        pages.add(new Page("Company search, misspelt (fuzzy)", List.of("/ui/companies?q=Nordlsk+Bkeri"), 100, false));
        pages.add(new Page("Customer card, random company", paths("/ui/companies/%s", ids.get("company")), 100, false));
        pages.add(new Page("Sales list, first page", List.of("/ui/sales"), 100, false));
        pages.add(new Page("Sales board", List.of("/ui/sales/board"), 100, false));
        pages.add(new Page("A sale, random", paths("/ui/sales/%s", ids.get("sale")), 100, false));
        pages.add(new Page("Placements", List.of("/ui/placements"), 100, false));
        pages.add(new Page("Placement calendar, a month", paths("/ui/placements/%s/calendar", ids.get("placement")), 100, false));
        pages.add(new Page("Invoices list and ready to invoice", List.of("/ui/invoices"), 100, false));
        pages.add(new Page("An invoice, random", paths("/ui/invoices/%s", ids.get("invoice")), 100, false));
        pages.add(new Page("Overdue invoices", List.of("/ui/invoices/overdue"), 100, false));
        pages.add(new Page("Payments: by hand, OCR, unmatched", List.of("/ui/payments"), 100, true));
        pages.add(new Page("Reports: index", List.of("/ui/reports"), 100, true));
        pages.add(new Page("Reports: KPI dashboard, this month (a month's report)", List.of("/ui/reports/kpis"), 1000, true));
        pages.add(new Page("Reports: revenue, this month (a month's report)", List.of("/ui/reports/revenue"), 1000, true));
        pages.add(new Page("Reports: goals", List.of("/ui/reports/goals"), 100, true));
        for (String list : List.of("overdue", "uninvoiced", "unmatched-payments", "price-deviations", "stray-bookings", "credit-notes")) {
            pages.add(new Page("Control list: " + list, List.of("/ui/reports/control/" + list), list.equals("price-deviations")
                    || list.equals("credit-notes") ? 1000 : 100, true));
        }
        pages.add(new Page("Admin: index", List.of("/ui/admin"), 100, true));
        pages.add(new Page("Admin: users", List.of("/ui/admin/users"), 100, true));
        pages.add(new Page("Admin: organisation", List.of("/ui/admin/organisation"), 100, true));
        pages.add(new Page("Admin: placements and prices", List.of("/ui/admin/placements"), 100, true));
        pages.add(new Page("Admin: postal codes", List.of("/ui/admin/postal-codes"), 100, true));
        pages.add(new Page("Own password", List.of("/ui/account/password"), 100, false));
        return pages;
    }

    static List<String> paths(String pattern, List<String> ids) {
        return ids.stream().map(id -> String.format(pattern, id)).toList();
    }

    static String one(Connection c, String sql) throws Exception {
        var all = column(c, sql);
        if (all.isEmpty()) {
            throw new IllegalStateException("the data set has none: " + sql);
        }
        return all.get(0);
    }

    static List<String> column(Connection c, String sql) throws Exception {
        var out = new ArrayList<String>();
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** One staff user's session on the pages: logged in through the login form, as the browser is. */
    static final class Pages {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI base;
        private final String cookie;

        Pages(URI base, String username, String password) throws Exception {
            this.base = base;
            var r = http.send(HttpRequest.newBuilder(base.resolve("/ui/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 303) {
                throw new IllegalStateException(username + " could not log in: " + r.statusCode());
            }
            this.cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        }

        int get(String path) throws Exception {
            var r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " → " + r.statusCode());
            }
            return r.body().length();
        }

        Timing time(String name, List<String> paths, int calls, int targetMs) {
            try {
                get(paths.get(0));
                get(paths.get(paths.size() > 1 ? 1 : 0));
                double[] ms = new double[calls];
                int chars = 0;
                for (int i = 0; i < calls; i++) {
                    String path = paths.get(i % paths.size());
                    long t0 = System.nanoTime();
                    chars = get(path);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                var t = new Timing(name, ms[calls / 2], ms[(int) Math.ceil(calls * 0.9) - 1], ms[calls - 1], targetMs);
                System.out.printf("%-50s median %5.0f ms, p90 %5.0f ms, slowest %5.0f ms, %,d characters%n", name, t.medianMs(), t.p90Ms(),
                        t.maxMs(), chars);
                return t;
            } catch (Exception e) {
                throw new IllegalStateException(name + ": " + e.getMessage(), e);
            }
        }
    }
}
