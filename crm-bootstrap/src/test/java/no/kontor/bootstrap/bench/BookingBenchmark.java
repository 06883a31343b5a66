package no.kontor.bootstrap.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * The inventory benchmark, over HTTP against the real server on a durable embedded
 * PostgreSQL: a year's availability of 200 placements (all at once, and one), and
 * booking throughput when many clients fight over a few placements. It ends by
 * counting overlapping active bookings, which must be zero.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * ./mvnw -q -pl crm-bootstrap exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kontor.bootstrap.bench.BookingBenchmark
 * </pre>
 * Options: {@code -Dbench.placements=200 -Dbench.bookings-per-placement=20 -Dbench.threads=8
 * -Dbench.hot-placements=5 -Dbench.rounds=3 -Dbench.warmup-ms=3000 -Dbench.measure-ms=8000}.
 */
public final class BookingBenchmark {
    private static final LocalDate YEAR = LocalDate.of(2030, 1, 1);
    private static final LocalDate CONTENDED_FROM = LocalDate.of(2040, 1, 1);
    private static final int CONTENDED_DAYS = 20 * 365;

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int placements = Integer.getInteger("bench.placements", 200);
        int perPlacement = Integer.getInteger("bench.bookings-per-placement", 20);
        int threads = Integer.getInteger("bench.threads", 8);
        int hot = Integer.getInteger("bench.hot-placements", 5);
        int rounds = Integer.getInteger("bench.rounds", 3);
        long warmup = Long.getLong("bench.warmup-ms", 3_000);
        long measure = Long.getLong("bench.measure-ms", 8_000);

        var db = BenchServer.embedded("bench-bookings-postgres", "bookings_" + System.currentTimeMillis());
        var props = BenchServer.properties(db, 16);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            var client = BenchServer.login(server.getURI());
            System.out.printf("Kontor booking benchmark: %d placements × %d bookings, %d client threads, %d hot placements, "
                    + "%d rounds of %d s after %d s warm-up%n", placements, perPlacement, threads, hot, rounds, measure / 1000,
                    warmup / 1000);

            long company = BenchServer.id(client.send("POST", "/api/v1/companies", "{\"name\":\"Benk AS\",\"status\":\"CUSTOMER\"}", 201));
            long sale = BenchServer.id(client.send("POST", "/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}", 201));
            var ids = new ArrayList<Long>();
            for (int p = 0; p < placements; p++) {
                ids.add(BenchServer.id(client.send("POST", "/api/v1/placements",
                        "{\"name\":\"Plassering " + p + "\",\"unit\":\"DAY\",\"channel\":\"Kanal " + (p % 10) + "\"}", 201)));
            }
            fillTheYear(db, ids, sale, perPlacement);

            var counts = new AtomicLong[] {new AtomicLong(), new AtomicLong()};
            var results = new ArrayList<LoadRunner.Result>();
            String yearQuery = "?from=" + YEAR + "&to=" + YEAR.plusYears(1).minusDays(1);
            for (var scenario : List.<Map.Entry<String, LoadRunner.Operation>>of(
                    Map.entry("HTTP: a year, all " + placements + " placements",
                            (w, i) -> client.send("GET", "/api/v1/placements/availability" + yearQuery, null, 200)),
                    Map.entry("HTTP: a year, one placement", (w, i) -> client.send("GET",
                            "/api/v1/placements/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())) + "/availability" + yearQuery,
                            null, 200)),
                    Map.entry("HTTP: POST /bookings, contended", (w, i) -> {
                        var random = ThreadLocalRandom.current();
                        var first = CONTENDED_FROM.plusDays(random.nextInt(CONTENDED_DAYS));
                        int status = client.send("POST", "/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":"
                                + ids.get(random.nextInt(Math.min(hot, ids.size()))) + ",\"firstDay\":\"" + first + "\",\"lastDay\":\""
                                + first.plusDays(random.nextInt(7)) + "\"}", -1).statusCode();
                        if (status != 201 && status != 409) {
                            throw new IllegalStateException("booking → " + status);
                        }
                        counts[status == 201 ? 0 : 1].incrementAndGet();
                    }))) {
                var runs = new ArrayList<LoadRunner.Result>();
                for (int r = 0; r < rounds; r++) {
                    var result = LoadRunner.run(scenario.getKey(), threads, warmup, measure, scenario.getValue());
                    System.out.println("  round " + (r + 1) + ": " + result);
                    runs.add(result);
                }
                results.add(LoadRunner.median(runs));
            }
            System.out.println();
            System.out.println("Medians of " + rounds + " rounds:");
            results.forEach(System.out::println);
            long booked = counts[0].get();
            long refused = counts[1].get();
            System.out.printf("Contended bookings (warm-up included): %,d booked (201), %,d refused (409), %.0f %% booked%n",
                    booked, refused, 100.0 * booked / Math.max(1, booked + refused));
            try (var c = db.connect(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM booking a JOIN booking b ON a.placement_id = b.placement_id "
                         + "AND a.id < b.id AND a.period && b.period WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'")) {
                rs.next();
                System.out.println("Overlapping active bookings: " + rs.getLong(1) + " (must be 0)");
            }
        }
    }

    /** Books every placement {@code perPlacement} times through the year, a week each, in SQL (the setup, not the measure). */
    private static void fillTheYear(BenchServer.Database db, List<Long> placements, long sale, int perPlacement) throws Exception {
        int spacing = 365 / perPlacement;
        try (var c = db.connect(); var ps = c.prepareStatement("INSERT INTO booking (placement_id, "
                + "sale_id, first_day, last_day, status, created_by, created_at, changed_by, changed_at) "
                + "VALUES (?, ?, ?, ?, 'RESERVED', 'bench', now(), 'bench', now())")) {
            for (long placement : placements) {
                for (int b = 0; b < perPlacement; b++) {
                    var first = YEAR.plusDays((long) b * spacing + placement % 3);
                    ps.setLong(1, placement);
                    ps.setLong(2, sale);
                    ps.setObject(3, first);
                    ps.setObject(4, first.plusDays(Math.min(6, spacing - 2)));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

}
