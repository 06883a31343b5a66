package no.kontor.bootstrap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * The customer-card benchmark: a million companies with two contacts each, then,
 * over HTTP against the real server, GET of a card, search by name prefix and by
 * trigram similarity — beside a plain keyed SELECT on the same database in the
 * same run. Three rounds; the medians are reported.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * ./mvnw -q -pl crm-bootstrap exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kontor.bootstrap.bench.CompanyBenchmark [-Dbench.companies=1000000]
 * </pre>
 * Without {@code KONTOR_BENCH_DATABASE_URL} it keeps its own embedded PostgreSQL
 * (durable, as in production) under {@code crm-bootstrap/target/bench-postgres}
 * and generates the data once.
 */
public final class CompanyBenchmark {
    private static final String[] PREFIXES = {"nord", "fjord", "sol", "berg", "vik", "havn", "troll", "ørn", "laks", "midt",
        "blåm", "grønnb", "sølvf", "gullt", "polarr", "vinterk"};
    private static final String[] FUZZY = {"fjordmedai", "nordlysbyg", "trolkonsult", "sølvfisk as", "havnlogistik",
        "vikingreklame", "bergbakri", "polarenergi", "måneforto", "sjømatfrakt"};

    private CompanyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long companies = Long.getLong("bench.companies", 1_000_000);
        int threads = Integer.getInteger("bench.threads", 8);
        long warmup = Long.getLong("bench.warmup-ms", 5_000);
        long measure = Long.getLong("bench.measure-ms", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 3);

        String external = System.getenv("KONTOR_BENCH_DATABASE_URL");
        BenchServer.Database db;
        if (external == null || external.isBlank()) {
            db = BenchServer.embedded("bench-postgres", "kontor_bench");
        } else {
            // an existing server, e.g. the machine's own with trust: its user owns the schema and runs the benchmark
            db = new BenchServer.Database(external, System.getenv().getOrDefault("KONTOR_BENCH_DATABASE_USER", "postgres"), "");
            no.kontor.adapters.persistence.schema.Migrations.migrate(db.url(), db.user(), db.password(), db.user());
        }
        String url = db.url();
        String user = db.user();
        var props = BenchServer.properties(db, 16);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            System.out.printf("Kontor company benchmark: %,d companies, %d client threads, %d rounds of %d s (after %d s warm-up)%n",
                    companies, threads, rounds, measure / 1000, warmup / 1000);
            long t0 = System.nanoTime();
            try (var c = db.connect()) {
                long added = CompanyDataGenerator.generate(c, companies);
                if (added > 0) {
                    System.out.printf("generated %,d companies in %.0f s%n", added, (System.nanoTime() - t0) / 1e9);
                }
            }
            var client = BenchServer.login(server.getURI());

            var hc = new HikariConfig();
            hc.setJdbcUrl(url);
            hc.setUsername(user);
            hc.setPassword(db.password());
            hc.setMaximumPoolSize(threads);
            try (var pool = new HikariDataSource(hc)) {
                var results = new ArrayList<LoadRunner.Result>();
                for (var scenario : List.<Map.Entry<String, LoadRunner.Operation>>of(
                        Map.entry("SQL: SELECT company by id", (w, i) -> {
                            try (var c = pool.getConnection(); var ps = c.prepareStatement("SELECT * FROM company WHERE id = ?")) {
                                ps.setLong(1, randomId(companies));
                                try (var rs = ps.executeQuery()) {
                                    if (!rs.next()) {
                                        throw new IllegalStateException("no row");
                                    }
                                }
                            }
                        }),
                        Map.entry("HTTP: GET /companies/{id}", (w, i) -> client.send("GET", "/api/v1/companies/" + randomId(companies), null, 200)),
                        Map.entry("HTTP: search by name prefix", (w, i) -> client.send("GET",
                                "/api/v1/companies?limit=20&q=" + enc(PREFIXES[(int) ((i * 31 + w) % PREFIXES.length)]), null, 200)),
                        Map.entry("HTTP: fuzzy (trigram) search", (w, i) -> client.send("GET",
                                "/api/v1/companies?mode=FUZZY&limit=20&q=" + enc(FUZZY[(int) ((i * 31 + w) % FUZZY.length)]), null, 200)))) {
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
            }
        }
    }

    private static long randomId(long companies) {
        return 1 + ThreadLocalRandom.current().nextLong(companies);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

}
