package no.kontor.bootstrap.bench;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * Issuing throughput over HTTP against the real server on a durable embedded
 * PostgreSQL: {@code POST /invoices/{id}/issue} from many clients at once, each issue
 * taking the next number of the one series, a KID, a PIN and the frozen EHF document
 * in one transaction. Drafts are made first through the API (three sales lines each).
 * The outbox worker is off while measuring, so the figure is issuing alone (rendering
 * follows asynchronously: see the PDF benchmark). It ends with the gap check.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * ./mvnw -q -pl crm-bootstrap exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kontor.bootstrap.bench.IssueBenchmark
 * </pre>
 * Options: {@code -Dbench.drafts=10000 -Dbench.threads=8 -Dbench.rounds=3 -Dbench.warmup-ms=1000 -Dbench.measure-ms=5000}.
 */
public final class IssueBenchmark {
    private IssueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int drafts = Integer.getInteger("bench.drafts", 10000);
        int threads = Integer.getInteger("bench.threads", 8);
        int rounds = Integer.getInteger("bench.rounds", 3);
        long warmup = Long.getLong("bench.warmup-ms", 1_000);
        long measure = Long.getLong("bench.measure-ms", 5_000);

        var db = BenchServer.embedded("bench-issue-postgres", "issue_" + System.currentTimeMillis());
        var props = BenchServer.properties(db, 16);
        props.put("kontor.jobs.enabled", false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            var client = BenchServer.login(server.getURI());
            System.out.printf("Kontor issuing benchmark: %d drafts, %d client threads, %d rounds of %d s after %d s warm-up%n",
                    drafts, threads, rounds, measure / 1000, warmup / 1000);
            long t0 = System.nanoTime();
            var queue = new ConcurrentLinkedQueue<>(makeDrafts(client, drafts, threads));
            System.out.printf("made %d drafts through the API in %.1f s%n", queue.size(), (System.nanoTime() - t0) / 1e9);

            var runs = new ArrayList<LoadRunner.Result>();
            for (int r = 0; r < rounds; r++) {
                var result = LoadRunner.run("HTTP: POST /invoices/{id}/issue", threads, warmup, measure, (w, i) -> {
                    Long draft = queue.poll();
                    if (draft == null) {
                        throw new IllegalStateException("out of drafts: raise -Dbench.drafts");
                    }
                    client.send("POST", "/api/v1/invoices/" + draft + "/issue", null, 200);
                });
                System.out.println("  round " + (r + 1) + ": " + result);
                runs.add(result);
            }
            System.out.println();
            System.out.println("Median of " + rounds + " rounds:");
            System.out.println(LoadRunner.median(runs));
            try (var c = db.connect(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*), coalesce(max(number), 0), (SELECT count(*) FROM generate_series(1, "
                         + "(SELECT coalesce(max(number), 0) FROM invoice)) n WHERE NOT EXISTS (SELECT 1 FROM invoice WHERE number = n)) "
                         + "FROM invoice WHERE number IS NOT NULL")) {
                rs.next();
                System.out.printf("Issued %d, highest number %d, gaps %d (must be 0)%n", rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** Drafts of one ordered sale with three lines each (25 %, 25 % with a discount, 0 %), spread over 100 companies. */
    static java.util.List<Long> makeDrafts(BenchServer client, int count, int threads) throws Exception {
        var companies = new ArrayList<Long>();
        for (int c = 0; c < 100; c++) {
            companies.add(BenchServer.id(client.send("POST", "/api/v1/companies", "{\"name\":\"Kunde " + c + " AS\",\"status\":\"CUSTOMER\","
                    + "\"organisationNumber\":null,\"postalAddress\":{\"street\":\"Gate " + c + "\",\"postalCode\":\"0150\"}}", 201)));
        }
        var pool = Executors.newFixedThreadPool(threads);
        var made = new ArrayList<Future<Long>>();
        for (int d = 0; d < count; d++) {
            long company = companies.get(d % companies.size());
            made.add(pool.submit(() -> {
                long sale = BenchServer.id(client.send("POST", "/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}", 201));
                String lines = "/api/v1/sales/" + sale + "/lines";
                client.send("POST", lines, "{\"description\":\"Helside\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1250000}", 201);
                client.send("POST", lines, "{\"description\":\"Banner\",\"quantity\":7,\"unit\":\"DAY\",\"unitPrice\":45000,"
                        + "\"discountPercent\":12.5}", 201);
                client.send("POST", lines, "{\"description\":\"Abonnement\",\"quantity\":1,\"unit\":\"WEEK\",\"unitPrice\":9900,"
                        + "\"vatCategory\":\"Z\"}", 201);
                return BenchServer.id(client.send("POST", "/api/v1/invoices", "{\"saleIds\":[" + sale + "]}", 201));
            }));
        }
        var ids = new ArrayList<Long>();
        for (var f : made) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }
}
