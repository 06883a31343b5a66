package no.kontor.bootstrap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Fills a freshly migrated Kontor database with the data the reports and KPIs are
 * measured on: at full scale 60 staff users in six teams, 40 placements with their
 * price lists, a million companies, three million contacts, ten million activities
 * (Zipf-like per company, seasonal over the three years up to today, inbound answers
 * days after outbound mail and calls, follow-ups, mail-out campaigns), a million
 * sales with their stage history, lines and non-overlapping bookings, 300,000 issued
 * invoices with ~3 % credit notes in one gapless number series, and their payments.
 * Everything is derived from one seed ({@code -Dbench.seed}) and the day it counts
 * back from ({@code -Dbench.today}, default today), so two runs give the same data.
 *
 * <p>It loads with COPY, ids chosen here, on two connections at once (activities on one,
 * the rest on the other), with the large tables' secondary indexes dropped during the
 * load and built again afterwards (their definitions are read from the catalog, so the
 * schema ends as the migrations left it). It connects as a superuser and loads with
 * {@code SET session_replication_role = replica}: no trigger fires — not the foreign-key
 * checks, not the freezing of issued invoices (their lines are written after them), not
 * the sale-team, unsubscription or append-only guards, and not the trigger that keeps
 * {@code company_contact_summary}, the facts of each activity and stage change, the billed
 * lines and the names' vocabulary (V19). The data is written consistent by construction instead, and those facts are computed
 * afterwards by the very statements V13 and V15 run for the rows they find (read from the
 * migrations). Then
 * the activities, stage changes and sales are put in time order (CLUSTER), as a live table that
 * was written as things happened has them; sequences are set past the ids used, the
 * invoice series to the next number, and every table is analysed.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * ./mvnw -q -pl crm-bootstrap exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kontor.bootstrap.bench.ReportData [-Dbench.scale=0.01] [-Dbench.seed=42] [-Dbench.today=2026-12-04]
 * </pre>
 * With {@code KONTOR_BENCH_DATABASE_URL} (and {@code KONTOR_BENCH_DATABASE_USER}, default
 * {@code postgres}, a superuser with trust) it migrates and fills that database; without,
 * it keeps its own embedded PostgreSQL under {@code crm-bootstrap/target/bench-report-postgres},
 * database {@code kontor_bench}. A database that already has companies is left as it is.
 */
public final class ReportData {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final long DAY = 86_400;

    /** Row counts: the big tables scale with {@code bench.scale}; staff and placements do not. */
    public record Scale(long companies, long contacts, long activities, long sales, long invoices, int staff, int placements) {
        public Scale {
            if (companies < 1 || staff < 6 || placements < 1 || placements > 40 || invoices > sales) {
                throw new IllegalArgumentException("scale: " + companies + " companies, " + staff + " staff (at least 6), "
                        + placements + " placements (1-40), " + invoices + " invoices (at most the sales)");
            }
        }

        public static Scale full() {
            return new Scale(1_000_000, 3_000_000, 10_000_000, 1_000_000, 300_000, 60, 40);
        }

        /** The full sizes times {@code factor} (at least one company), with the full staff and placements. */
        public static Scale of(double factor) {
            var f = full();
            return new Scale(Math.max(1, Math.round(f.companies * factor)), Math.round(f.contacts * factor),
                    Math.round(f.activities * factor), Math.round(f.sales * factor), Math.round(f.invoices * factor), f.staff,
                    f.placements);
        }
    }

    /** What was written: rows per table, and the seconds it all took. */
    public record Summary(Map<String, Long> rows, double seconds) {
    }

    private ReportData() {
    }

    public static void main(String[] args) throws Exception {
        var target = ReportBenchmark.target();
        generate(target.loadUrl(), target.loadUser(), target.loadPassword(), Scale.of(Double.parseDouble(System.getProperty("bench.scale", "1"))));
    }

    /** Fills the database with {@code -Dbench.seed} (default 20240101) and {@code -Dbench.today} (default today in Oslo). */
    public static Summary generate(String url, String user, String password, Scale scale) throws Exception {
        long seed = Long.getLong("bench.seed", 20240101L);
        String today = System.getProperty("bench.today");
        return generate(url, user, password, scale, seed, today == null ? LocalDate.now(OSLO) : LocalDate.parse(today));
    }

    public static Summary generate(String url, String user, String password, Scale scale, long seed, LocalDate today) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM company)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    System.out.println("ReportData: the database already has companies; left as it is");
                    return new Summary(Map.of(), 0);
                }
            }
        }
        System.out.printf("ReportData: %s, seed %d, up to %s%n", scale, seed, today);
        return new Generator(url, user, password, scale, seed, today).run();
    }

    // ------------------------------------------------------------------------------------------------------------

    private static final String[] TEAMS = {"Nord", "Vest", "Midt", "Sør", "Øst", "Digital"};
    private static final String[] FIRST = {"Nord", "Sør", "Vest", "Øst", "Fjord", "Fjell", "Kyst", "Dal", "Berg", "Sjø", "Skog", "Elv",
        "Vik", "Strand", "Lys", "Sol", "Stjerne", "Havn", "Bryggen", "Midt", "Ny", "Gamle", "Store", "Lille", "Blå", "Grønn", "Rød",
        "Hvit", "Sølv", "Gull", "Viking", "Troll", "Nordlys", "Polar", "Arktisk", "Fram", "Vinter", "Sommer", "Vår", "Høst", "Måne",
        "Ørn", "Ulv", "Bjørn", "Rev", "Laks", "Torsk", "Sild", "Hval", "Elg"};
    private static final String[] SECOND = {"media", "bygg", "regnskap", "transport", "fisk", "data", "konsult", "trykk", "reklame",
        "eiendom", "handel", "service", "maskin", "elektro", "rør", "maling", "tre", "stål", "mat", "bakeri", "kafe", "hotell", "reise",
        "sport", "musikk", "film", "foto", "design", "arkitekter", "advokater", "revisjon", "helse", "tannlege", "optikk", "blomster",
        "gartneri", "landbruk", "energi", "kraft", "vind", "sjømat", "frakt", "logistikk", "taxi", "buss", "båt", "verft", "kjøkken",
        "interiør", "tekstil", "bok", "avis", "radio", "tv", "spill", "utvikling", "analyse", "kompetanse", "opplæring", "skole"};
    private static final String[] SUFFIX = {"AS", "AS", "AS", "ASA", "ANS", "DA", "ENK", "SA", "AS", "AS"};
    private static final String[] FIRST_NAMES = {"Ola", "Kari", "Per", "Anne", "Jon", "Ingrid", "Lars", "Marit", "Knut", "Silje", "Erik",
        "Hilde", "Nils", "Tone", "Arne", "Liv", "Geir", "Randi", "Trond", "Sigrid", "Morten", "Eva", "Bjørn", "Nina", "Øystein", "Åse",
        "Håkon", "Mette", "Tor", "Line"};
    private static final String[] LAST_NAMES = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
        "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen",
        "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen",
        "Strand", "Solberg", "Ødegård"};
    private static final String[] TITLES = {"Daglig leder", "Markedssjef", "Innkjøper", "Økonomisjef", "Salgssjef", "Styreleder",
        "Kommunikasjonsrådgiver", "Butikksjef"};
    private static final String[] STREETS = {"Storgata", "Kirkegata", "Strandveien", "Industriveien", "Sjøgata", "Parkveien",
        "Skolegata", "Jernbanegata", "Havnegata", "Fjordveien"};
    private static final String[] CHANNELS = {"Nettavis", "Papiravis", "App", "Nyhetsbrev", "Podkast"};
    private static final String[] FORMATS = {"Toppbanner", "Helside", "Midtbanner", "Sponset artikkel", "Bakside", "Fullskjerm",
        "Rubrikk", "Forside-takeover"};
    private static final String[] CAMPAIGN_THEMES = {"Nyhetsbrev", "Vårtilbud", "Sommerkampanje", "Høstkampanje", "Julekampanje",
        "Annonsetilbud", "Messeinvitasjon", "Kundeundersøkelse"};
    private static final String[] MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "desember"};
    private static final String[] REASONS_LOST = {"For dyrt", "Valgte en konkurrent", "Ingen budsjett i år", "Utsatt til neste år",
        "Fikk ikke svar"};
    private static final String[] REASONS_CANCELLED = {"Kunden trakk bestillingen", "Materiell kom ikke", "Arrangementet ble avlyst",
        "Dobbeltbestilling"};
    private static final String[] CREDIT_REASONS = {"Feil pris", "Annonsen ble ikke publisert", "Reklamasjon", "Feil mottaker",
        "Avtalt rabatt ikke gitt"};

    private static final String[] KINDS = {"PROSPECT_REGISTERED", "EMAIL", "PHONE_CALL", "MEETING", "CUSTOMER_FEEDBACK",
        "BARTER_AGREEMENT", "INCOMING_ORDER", "NOTE"};
    private static final int K_PROSPECT = 0, K_EMAIL = 1, K_PHONE = 2, K_MEETING = 3, K_FEEDBACK = 4, K_BARTER = 5, K_ORDER = 6, K_NOTE = 7;
    private static final String[][] SUBJECTS = {
        {"Registrert som prospekt"},
        {"Tilbud på annonsering", "Oppfølging av tilbud", "Materiellfrist", "Spørsmål om faktura", "Mediekit", "Priser for neste kvartal",
            "Bekreftelse av bestilling"},
        {"Salgssamtale", "Oppfølgingssamtale", "Avklaring av bestilling", "Ringte om tilbudet", "Kundeservice"},
        {"Møte om årsavtale", "Presentasjon av nye flater", "Lunsjmøte", "Statusmøte"},
        {"Fornøyd med kampanjen", "Klage på plassering", "Ønsker bedre rapportering", "Ros for oppfølging"},
        {"Bytteavtale annonse mot varer", "Bytteavtale sponsing"},
        {"Bestilling via skjema", "Bestilling på e-post", "Bestilling på telefon"},
        {"Notat", "Intern merknad", "Husk å følge opp", "Kunden har byttet kontaktperson"}};
    // product lines that are not placements: description, unit, base price in øre
    private static final String[] PRODUCTS = {"Helside annonse", "Halvside annonse", "Kvartside annonse", "Rubrikkannonse",
        "Produksjon av annonse", "Konsulenttimer", "Fotografering", "Abonnement bedrift"};
    private static final String[] PRODUCT_UNITS = {"PIECE", "PIECE", "PIECE", "PIECE", "HOUR", "HOUR", "HOUR", "WEEK"};
    private static final long[] PRODUCT_PRICES = {1_250_000, 690_000, 380_000, 45_000, 85_000, 95_000, 120_000, 9_900};

    private static final String SELLER_NAME = "Benkeavisa AS";
    private static final String SELLER_ORG = "974760673";

    /** One run: the plan (arrays per company) and the loaders. */
    private static final class Generator {
        final String url, user, password;
        final Scale scale;
        final long seed;
        final long end;           // start of today in Oslo: every instant is before it
        final long windowStart;   // three years back
        final long baseDay;       // first day with a precomputed string and weight
        final byte[][] dayText;
        final float[] dayWeight;
        final Map<String, Long> rows = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

        // staff
        String[] username;
        int[] staffTeam;
        int[] sellers;            // indexes of SELLER users
        int[] managers;
        // placements
        String[] placementName;
        boolean[] placementWeekly;
        long[][] placementPrice;  // three periods
        long[] priceFrom;         // start of periods 2 and 3 (epoch day)
        // postal register
        String[] postalCode;
        String[] postalPlace;
        // companies (index i = id - 1)
        int[] companySeller;
        long[] companyCreated;
        long[] contactStart, activityStart, saleStart;
        // campaigns
        String[] campaignName;
        long[] campaignAt;

        Generator(String url, String user, String password, Scale scale, long seed, LocalDate today) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.scale = scale;
            this.seed = seed;
            this.end = today.atStartOfDay(OSLO).toEpochSecond();
            this.windowStart = today.minusYears(3).atStartOfDay(OSLO).toEpochSecond();
            this.baseDay = today.minusYears(7).toEpochDay();
            int days = (int) (today.plusYears(3).toEpochDay() - baseDay);
            dayText = new byte[days][];
            dayWeight = new float[days];
            for (int d = 0; d < days; d++) {
                var date = LocalDate.ofEpochDay(baseDay + d);
                dayText[d] = date.toString().getBytes(StandardCharsets.US_ASCII);
                double w = switch (date.getMonthValue()) {
                    case 1 -> 0.85;
                    case 7 -> 0.3;
                    case 8 -> 0.85;
                    case 12 -> date.getDayOfMonth() >= 20 ? 0.2 : 0.9;
                    default -> 1.0;
                };
                if (date.getDayOfWeek().getValue() >= 6) {
                    w *= 0.1;
                }
                dayWeight[d] = (float) w;
            }
        }

        Connection connect() throws SQLException {
            Connection c = DriverManager.getConnection(url, user, password);
            try (Statement st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
                st.execute("SET synchronous_commit = off");
            }
            return c;
        }

        SplittableRandom rng(int stream, long id) {
            long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + id * 0x94D049BB133111EBL;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return new SplittableRandom(z ^ (z >>> 31));
        }

        /** An instant in [from, to), denser on working days in working hours, thin in July and at Christmas. */
        long seasonal(SplittableRandom r, long from, long to) {
            if (to <= from) {
                return from;
            }
            long t = from;
            for (int tries = 0; tries < 30; tries++) {
                t = from + (long) (r.nextDouble() * (to - from));
                long d = Math.floorDiv(t, DAY);
                if (r.nextDouble() < dayWeight[(int) (d - baseDay)]) {
                    long t2 = d * DAY + 6 * 3600 + r.nextInt(10 * 3600);
                    return t2 >= from && t2 < to ? t2 : t;
                }
            }
            return t;
        }

        long day(long epochSecond) {
            return Math.floorDiv(epochSecond, DAY);
        }

        Summary run() throws Exception {
            long t0 = System.nanoTime();
            plan();
            List<String[]> dropped;
            try (Connection c = connect()) {
                dropped = dropIndexes(c);
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> {
                    try (Connection c = connect()) {
                        loadActivities(c);
                    }
                    return null;
                });
                Future<?> b = pool.submit(() -> {
                    try (Connection c = connect()) {
                        loadTheRest(c);
                    }
                    return null;
                });
                b.get();
                a.get();
            } finally {
                rebuildIndexes(dropped, pool);
                pool.shutdown();
            }
            try (Connection c = connect(); Statement st = c.createStatement()) {
                long t = System.nanoTime();
                st.execute("SET work_mem = '512MB'");
                st.execute(statement(V13, "INSERT INTO company_contact_summary"));
                report("company_contact_summary", st.getUpdateCount(), t);
                t = System.nanoTime();
                st.execute(statement(V19, "INSERT INTO company_name_word SELECT DISTINCT unnest"));
                report("company_name_word", st.getUpdateCount(), t);
                // the facts V13 keeps in each write, computed here as V13 computes them for rows already there
                for (String fact : List.of("UPDATE activity a SET next_reply_at", "UPDATE sale s SET net", "UPDATE sale s SET furthest_stage",
                        "UPDATE sale_stage_change h SET team",
                        "UPDATE sale_stage_change h SET first_order", "UPDATE sale_stage_change h SET activities_since_open")) {
                    t = System.nanoTime();
                    st.execute(statement(V13, fact));
                    System.out.printf("  %-60s %,d rows in %.1f s%n", fact, st.getUpdateCount(), (System.nanoTime() - t) / 1e9);
                }
                // and those V15 keeps: the billed lines (invoices before the credit notes that bill what they credit), the order times
                for (String fact : List.of("INSERT INTO billed_line SELECT b.* FROM invoice i, billed_lines_of(i.id) b WHERE i.status <> 'DRAFT' AND i.kind = 'INVOICE'",
                        "INSERT INTO billed_line SELECT b.* FROM invoice i, billed_lines_of(i.id) b WHERE i.status <> 'DRAFT' AND i.kind = 'CREDIT_NOTE'",
                        "UPDATE sale s SET first_ordered_at")) {
                    t = System.nanoTime();
                    st.execute(statement(V15, fact));
                    System.out.printf("  %-60.60s %,d rows in %.1f s%n", fact, st.getUpdateCount(), (System.nanoTime() - t) / 1e9);
                }
                // a live install writes activities and stage changes as they happen, so a month's rows lie together on disk;
                // this load wrote them company by company and sale by sale: put them in time order as a live table has them
                t = System.nanoTime();
                st.execute("CLUSTER activity USING activity_occurred");
                st.execute("CLUSTER sale_stage_change USING sale_stage_change_stage");
                st.execute("CLUSTER sale USING sale_created"); // sales in the order they were opened, their lines beside each other
                st.execute("CLUSTER sale_line USING sale_line_sale");
                System.out.printf("  activity, sale_stage_change, sale and sale_line put in time order in %.1f s%n", (System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                for (String table : List.of("staff_user", "company", "contact", "activity", "placement", "placement_price", "sale",
                        "sale_line", "booking", "invoice")) {
                    st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), greatest(1, (SELECT max(id) FROM " + table
                            + ")), EXISTS (SELECT 1 FROM " + table + "))");
                }
                st.execute("UPDATE invoice_series SET next_no = (SELECT coalesce(max(number), 0) + 1 FROM invoice) WHERE id = 1");
                st.execute("VACUUM ANALYZE"); // a live database has autovacuum: visibility maps set, so index-only scans are what they would be
                System.out.printf("  sequences, invoice series and ANALYZE: %.1f s%n", (System.nanoTime() - t) / 1e9);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("ReportData done: %,d rows in %.1f s (%,.0f rows/s overall)%n", total, seconds, total / seconds);
            rows.forEach((k, v) -> System.out.printf("  %-24s %,12d%n", k, v));
            return new Summary(Map.copyOf(rows), seconds);
        }

        void report(String table, long n, long startNanos) {
            double s = (System.nanoTime() - startNanos) / 1e9;
            rows.merge(table, n, Long::sum);
            System.out.printf("  %-24s %,12d rows %7.1f s %,12.0f rows/s%n", table, n, s, n / Math.max(s, 1e-9));
        }

        // ---------------------------------------------------------------------------------------------- indexes

        static final List<String> BIG = List.of("company", "contact", "activity", "sale", "sale_stage_change", "sale_line", "invoice",
                "invoice_line", "payment");

        /** The large tables' indexes that back no constraint: dropped for the load, their definitions kept. */
        List<String[]> dropIndexes(Connection c) throws SQLException {
            var defs = new ArrayList<String[]>();
            try (var ps = c.prepareStatement("""
                    SELECT ci.relname, pg_get_indexdef(i.indexrelid), pg_relation_size(i.indrelid)
                    FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = current_schema() AND t.relname = ANY (?)
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                    ORDER BY t.relname, ci.relname""")) {
                ps.setArray(1, c.createArrayOf("text", BIG.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        defs.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (var d : defs) {
                    st.execute("DROP INDEX " + d[0]);
                }
            }
            System.out.printf("  dropped %d secondary indexes for the load%n", defs.size());
            return defs;
        }

        void rebuildIndexes(List<String[]> defs, ExecutorService pool) throws Exception {
            long t = System.nanoTime();
            // the activity indexes first: they are the longest, so two connections finish together
            var queue = new ConcurrentLinkedQueue<String[]>();
            defs.stream().sorted(Comparator.comparing((String[] d) -> !d[1].contains(" ON public.activity ") && !d[1].contains(" ON activity "))
                    .thenComparing(d -> !d[1].contains("gin"))).forEach(queue::add);
            var futures = new ArrayList<Future<?>>();
            for (int w = 0; w < 2; w++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = connect(); Statement st = c.createStatement()) {
                        st.execute("SET maintenance_work_mem = '1GB'");
                        st.execute("SET max_parallel_maintenance_workers = 0");
                        for (String[] d; (d = queue.poll()) != null; ) {
                            long ti = System.nanoTime();
                            st.execute(d[1]);
                            System.out.printf("    index %-28s %6.1f s%n", d[0], (System.nanoTime() - ti) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            System.out.printf("  rebuilt %d indexes in %.1f s%n", defs.size(), (System.nanoTime() - t) / 1e9);
        }

        // ---------------------------------------------------------------------------------------------- plan

        void plan() throws SQLException {
            long t = System.nanoTime();
            int staff = scale.staff();
            username = new String[staff];
            staffTeam = new int[staff];
            var taken = new HashSet<String>();
            var sellerList = new ArrayList<Integer>();
            var managerList = new ArrayList<Integer>();
            for (int k = 0; k < staff; k++) {
                String u = ascii(FIRST_NAMES[k % FIRST_NAMES.length]) + "." + ascii(LAST_NAMES[(k * 7) % LAST_NAMES.length]);
                if (!taken.add(u)) {
                    u = u + k;
                    taken.add(u);
                }
                username[k] = u;
                staffTeam[k] = k % TEAMS.length;
                (k < TEAMS.length ? managerList : sellerList).add(k);
            }
            sellers = sellerList.stream().mapToInt(Integer::intValue).toArray();
            managers = managerList.stream().mapToInt(Integer::intValue).toArray();

            int np = scale.placements();
            placementName = new String[np];
            placementWeekly = new boolean[np];
            placementPrice = new long[np][3];
            priceFrom = new long[] {day(windowStart) + 365, day(windowStart) + 730};
            for (int p = 0; p < np; p++) {
                String channel = CHANNELS[p % CHANNELS.length];
                placementName[p] = channel + " " + FORMATS[p / CHANNELS.length];
                placementWeekly[p] = !(channel.equals("Nettavis") || channel.equals("App"));
                var r = rng(2, p);
                long base = (20_000 + r.nextInt(280_000)) / 100 * 100 * (placementWeekly[p] ? 5 : 1);
                for (int k = 0; k < 3; k++) {
                    placementPrice[p][k] = Math.round(base * Math.pow(1.05, k) / 100) * 100;
                }
            }

            var codes = new ArrayList<String>();
            var places = new ArrayList<String>();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT code, place FROM postal_code ORDER BY code")) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                    places.add(initcap(rs.getString(2)));
                }
            }
            if (codes.isEmpty()) {
                throw new IllegalStateException("the postal-code register is empty: is the database migrated?");
            }
            postalCode = codes.toArray(String[]::new);
            postalPlace = places.toArray(String[]::new);

            int n = Math.toIntExact(scale.companies());
            companySeller = new int[n];
            companyCreated = new long[n];
            double[] wContacts = new double[n];
            double[] wActivities = new double[n];
            double[] wSales = new double[n];
            long oldest = end - 5 * 365 * DAY;
            for (int i = 0; i < n; i++) {
                var r = rng(1, i);
                companySeller[i] = sellers[r.nextInt(sellers.length)];
                companyCreated[i] = r.nextDouble() < 0.4 ? oldest + (long) (r.nextDouble() * (windowStart - oldest))
                        : seasonal(r, windowStart, end - 7 * DAY);
                wContacts[i] = 0.5 + r.nextInt(6);
                // Zipf-like: a few thousands, most a handful, some none
                double w = r.nextDouble() < 0.08 ? 0 : Math.min(Math.pow(1 - r.nextDouble(), -1 / 1.6), 2500);
                if (companyCreated[i] > windowStart) {
                    w *= (end - companyCreated[i]) / (double) (end - windowStart) * 0.7 + 0.3;
                }
                wActivities[i] = w;
                wSales[i] = Math.pow(w + 0.5, 0.7);
            }
            contactStart = apportion(wContacts, scale.contacts());
            activityStart = apportion(wActivities, scale.activities());
            saleStart = apportion(wSales, scale.sales());

            campaignName = new String[20];
            campaignAt = new long[20];
            for (int k = 0; k < 20; k++) {
                long at = windowStart + (long) ((k + 0.5) / 20 * (end - windowStart));
                var date = LocalDate.ofEpochDay(day(at));
                while (date.getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
                    date = date.plusDays(1);
                }
                campaignAt[k] = date.toEpochDay() * DAY + 7 * 3600;
                campaignName[k] = CAMPAIGN_THEMES[k % CAMPAIGN_THEMES.length] + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
            }
            System.out.printf("  planned in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }

        /** Exactly {@code total} items apportioned by weight: item i gets [start[i], start[i+1]). */
        static long[] apportion(double[] w, long total) {
            double sum = 0;
            for (double x : w) {
                sum += x;
            }
            long[] start = new long[w.length + 1];
            double acc = 0;
            for (int i = 0; i < w.length; i++) {
                start[i] = sum == 0 ? 0 : (long) Math.floor(acc / sum * total);
                acc += w[i];
            }
            start[w.length] = total;
            for (int i = 1; i <= w.length; i++) {
                start[i] = Math.max(start[i], start[i - 1]);
            }
            return start;
        }

        // ---------------------------------------------------------------------------------------------- activities

        void loadActivities(Connection c) throws Exception {
            long t = System.nanoTime();
            int n = companySeller.length;
            long[] ev = new long[64];
            int[] kind = new int[64], dir = new int[64], camp = new int[64], actor = new int[64], subject = new int[64];
            long[] contact = new long[64];
            long total = 0;
            try (var out = new Copy(new Days(baseDay, dayText), c, "activity", "id, company_id, kind, direction, occurred_at, actor, staff_user_id, contact_id, subject, "
                    + "body, follow_up_due, follow_up_stage, follow_up_assignee_id, created_at, changed_at, campaign")) {
                for (int i = 0; i < n; i++) {
                    int count = (int) (activityStart[i + 1] - activityStart[i]);
                    if (count == 0) {
                        continue;
                    }
                    if (ev.length < count + 2) {
                        int size = Integer.highestOneBit(count + 2) * 2;
                        ev = new long[size];
                        kind = new int[size];
                        dir = new int[size];
                        camp = new int[size];
                        actor = new int[size];
                        subject = new int[size];
                        contact = new long[size];
                    }
                    var r = rng(3, i);
                    long from = Math.max(windowStart, companyCreated[i]);
                    long to = end - 60;
                    long c0 = contactStart[i];
                    int contacts = (int) (contactStart[i + 1] - c0);
                    int k = 0;
                    if (companyCreated[i] >= windowStart) {
                        ev[k] = companyCreated[i];
                        kind[k] = K_PROSPECT;
                        dir[k] = 0;
                        camp[k] = -1;
                        actor[k] = companySeller[i];
                        subject[k] = 0;
                        contact[k] = 0;
                        k++;
                    }
                    while (k < count) {
                        double x = r.nextDouble();
                        long at;
                        int kd, d = 0, cp = -1;
                        if (x < 0.0085) {
                            cp = r.nextInt(campaignAt.length);
                            at = campaignAt[cp] + r.nextInt(8 * 3600);
                            kd = K_EMAIL;
                            if (at < from || at >= to) {
                                cp = -1;
                                at = seasonal(r, from, to);
                            }
                        } else {
                            at = seasonal(r, from, to);
                            double y = r.nextDouble();
                            kd = y < 0.40 ? K_EMAIL : y < 0.66 ? K_PHONE : y < 0.75 ? K_MEETING : y < 0.88 ? K_NOTE
                                    : y < 0.93 ? K_FEEDBACK : y < 0.99 ? K_ORDER : K_BARTER;
                            d = switch (kd) {
                                case K_EMAIL, K_PHONE -> r.nextDouble() < 0.85 ? 0 : 1;
                                case K_FEEDBACK, K_ORDER -> 1;
                                default -> 0;
                            };
                        }
                        int who = r.nextDouble() < 0.7 ? companySeller[i] : r.nextInt(username.length);
                        long person = contacts == 0 || kd == K_NOTE || kd == K_BARTER ? 0 : c0 + 1 + r.nextInt(contacts);
                        ev[k] = at;
                        kind[k] = kd;
                        dir[k] = d;
                        camp[k] = cp;
                        actor[k] = kd == K_ORDER && r.nextDouble() < 0.4 ? -1 : who;
                        subject[k] = r.nextInt(SUBJECTS[kd].length);
                        contact[k] = person;
                        k++;
                        // an answer days later
                        if (k < count && d == 0 && (kd == K_EMAIL || kd == K_PHONE) && r.nextDouble() < (cp >= 0 ? 0.12 : 0.35)) {
                            long answer = at + 600 + (long) (-Math.log(1 - r.nextDouble()) * 1.5 * DAY);
                            if (answer < to) {
                                ev[k] = answer;
                                kind[k] = kd;
                                dir[k] = 1;
                                camp[k] = -1;
                                actor[k] = who;
                                subject[k] = -1 - subject[k - 1];
                                contact[k] = person;
                                k++;
                            }
                        }
                    }
                    // time order within the company, ids rising with it
                    long[] order = new long[k];
                    for (int e = 0; e < k; e++) {
                        order[e] = (ev[e] - windowStart + 10 * 365 * DAY) << 24 | e;
                    }
                    Arrays.sort(order);
                    long id = activityStart[i];
                    for (int q = 0; q < k; q++) {
                        int e = (int) (order[q] & 0xFFFFFF);
                        long at = ev[e];
                        int kd = kind[e];
                        out.num(++id).num(i + 1).str(KINDS[kd]).str(dir[e] == 0 ? "OUTBOUND" : "INBOUND").ts(at);
                        int who = actor[e];
                        if (who < 0) {
                            out.str("public").nul();
                        } else {
                            out.str(username[who]).num(who + 1);
                        }
                        if (contact[e] == 0) {
                            out.nul();
                        } else {
                            out.num(contact[e]);
                        }
                        int s = subject[e];
                        if (camp[e] >= 0) {
                            out.str(campaignName[camp[e]]);
                        } else if (s < 0) {
                            out.str((kd == K_EMAIL ? "Sv: " : "Ringte tilbake: ") + SUBJECTS[kd][-1 - s]);
                        } else {
                            out.str(SUBJECTS[kd][s]);
                        }
                        if (kd == K_NOTE) {
                            out.str("Notert etter samtale med kunden.");
                        } else {
                            out.nul();
                        }
                        // follow-ups on some of staff's own outbound work and on feedback
                        if (who >= 0 && camp[e] < 0 && kd != K_PROSPECT && (dir[e] == 0 || kd == K_FEEDBACK) && r.nextDouble() < 0.07) {
                            long due = day(at) + 1 + r.nextInt(21);
                            boolean past = due < day(end) - 14;
                            String stage = past ? (r.nextDouble() < 0.9 ? "DONE" : "TO_DO")
                                    : (r.nextDouble() < 0.6 ? "TO_DO" : r.nextDouble() < 0.5 ? "IN_PROGRESS" : "DONE");
                            out.date(due).str(stage);
                            if (r.nextDouble() < 0.85) {
                                out.num(who + 1);
                            } else {
                                out.nul();
                            }
                        } else {
                            out.nul().nul().nul();
                        }
                        out.ts(at).ts(at);
                        if (camp[e] >= 0) {
                            out.str(campaignName[camp[e]]);
                        } else {
                            out.nul();
                        }
                        out.end();
                    }
                    total += k;
                }
            }
            report("activity", total, t);
        }

        // ---------------------------------------------------------------------------------------------- the rest

        record Line(int placement, String description, String unit, long quantity, long unitPrice, int discount, String category,
                    int percent, String exemption) {
            long net() {
                return (quantity * unitPrice * (100 - discount) + 50) / 100;
            }
        }

        /** A sale as derived from its seed: the same every time it is asked for. */
        record Sale(long id, int company, int seller, String[] stages, long[] at, String reason, boolean barter, String description,
                    Line[] lines, boolean credit, boolean creditWhole, int creditReason, double payDraw, double payDraw2) {
            String stage() {
                return stages[stages.length - 1];
            }

            long changedAt() {
                return at[at.length - 1];
            }

            long when(String stage) {
                for (int k = 0; k < stages.length; k++) {
                    if (stages[k].equals(stage)) {
                        return at[k];
                    }
                }
                return -1;
            }
        }

        long invoicedPrime;

        boolean invoiced(long saleIndex) {
            return Math.floorMod(saleIndex * invoicedPrime + seed, scale.sales()) < scale.invoices();
        }

        Sale sale(long s, int company) {
            var r = rng(5, s);
            int seller = r.nextDouble() < 0.8 ? companySeller[company] : sellers[r.nextInt(sellers.length)];
            long created = seasonal(r, Math.max(windowStart, companyCreated[company]), end - DAY);
            String[] path;
            String reason = null;
            if (invoiced(s)) {
                path = new String[] {"LEAD", "OFFERED", "ORDERED", "INVOICED"};
            } else {
                double x = r.nextDouble();
                if (x < 0.14) {
                    path = new String[] {"LEAD"};
                } else if (x < 0.31) {
                    path = new String[] {"LEAD", "OFFERED"};
                } else if (x < 0.42) {
                    path = new String[] {"LEAD", "OFFERED", "ORDERED"};
                } else if (x < 0.88) {
                    path = x < 0.56 ? new String[] {"LEAD", "LOST"} : new String[] {"LEAD", "OFFERED", "LOST"};
                    reason = REASONS_LOST[r.nextInt(REASONS_LOST.length)];
                } else {
                    path = x < 0.93 ? new String[] {"LEAD", "OFFERED", "CANCELLED"} : new String[] {"LEAD", "OFFERED", "ORDERED", "CANCELLED"};
                    reason = REASONS_CANCELLED[r.nextInt(REASONS_CANCELLED.length)];
                }
            }
            long[] at = new long[path.length];
            at[0] = created;
            for (int k = 1; k < path.length; k++) {
                long gap = 3600 + (long) (-Math.log(1 - r.nextDouble()) * 6 * DAY);
                at[k] = at[k - 1] + Math.max(1, Math.min(gap, (end - at[k - 1]) / 2));
            }
            boolean barter = r.nextDouble() < 0.04;
            int nLines = r.nextDouble() < 0.5 ? 1 : r.nextDouble() < 0.7 ? 2 : 3;
            var lines = new Line[nLines];
            long createdDay = day(created);
            int period = createdDay < priceFrom[0] ? 0 : createdDay < priceFrom[1] ? 1 : 2;
            for (int k = 0; k < nLines; k++) {
                int discount = r.nextDouble() < 0.7 ? 0 : 5 * (1 + r.nextInt(5));
                double v = r.nextDouble();
                String cat = v < 0.92 ? "S" : v < 0.97 ? "Z" : "E";
                String exemption = cat.equals("E") ? "Unntatt etter merverdiavgiftsloven § 3-7" : null;
                int pct = cat.equals("S") ? 25 : 0;
                if (r.nextDouble() < 0.35) {
                    int p = r.nextInt(placementName.length);
                    boolean weekly = placementWeekly[p];
                    long q = weekly ? 1 + r.nextInt(4) : 1 + r.nextInt(14);
                    lines[k] = new Line(p, placementName[p] + (weekly ? ", uker" : ", dager"), weekly ? "WEEK" : "DAY", q,
                            placementPrice[p][period], discount, cat, pct, exemption);
                } else {
                    int pr = r.nextInt(PRODUCTS.length);
                    long price = Math.round(PRODUCT_PRICES[pr] * (0.8 + 0.4 * r.nextDouble()) / 100) * 100;
                    long q = PRODUCT_UNITS[pr].equals("PIECE") ? 1 + r.nextInt(4) : 1 + r.nextInt(20);
                    lines[k] = new Line(-1, PRODUCTS[pr], PRODUCT_UNITS[pr], q, price, discount, cat, pct, exemption);
                }
            }
            var date = LocalDate.ofEpochDay(createdDay);
            String description = (barter ? "Bytteavtale " : "Annonsering ") + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
            boolean credit = r.nextDouble() < 0.03;
            boolean whole = nLines == 1 || r.nextDouble() < 0.3;
            return new Sale(s + 1, company, seller, path, at, reason, barter, description, lines, credit, whole,
                    r.nextInt(CREDIT_REASONS.length), r.nextDouble(), r.nextDouble());
        }

        /** An issued document: an invoice of one sale, or a credit note of one. */
        static final class Doc {
            final long saleId;
            final int company;
            final int seller;
            final long issuedAt;
            final Doc credits;     // null for an invoice
            final int[] lineNos;   // the sale's lines on it (1-based)
            long id;
            long net, vat, gross, paid, credited;
            String status = "ISSUED";
            String reason;
            long changedAt;

            Doc(long saleId, int company, int seller, long issuedAt, Doc credits, int[] lineNos) {
                this.saleId = saleId;
                this.company = company;
                this.seller = seller;
                this.issuedAt = issuedAt;
                this.credits = credits;
                this.lineNos = lineNos;
                this.changedAt = issuedAt;
            }
        }

        void totals(Doc d, Line[] lines) {
            long net = 0;
            long[] byPercent = new long[100];
            for (int no : d.lineNos) {
                var l = lines[no - 1];
                net += l.net();
                byPercent[l.percent()] += l.net();
            }
            long vat = 0;
            for (int p = 1; p < 100; p++) {
                vat += (byPercent[p] * p + 50) / 100;
            }
            d.net = net;
            d.vat = vat;
            d.gross = net + vat;
        }

        void loadTheRest(Connection c) throws Exception {
            loadStaffAndPlacements(c);
            loadCompanies(c);
            loadContacts(c);

            // the sales once, in id order, for what depends on earlier sales: bookings and the invoices' number order
            long t = System.nanoTime();
            long sales = scale.sales();
            invoicedPrime = 1_000_003;
            while (gcd(invoicedPrime, Math.max(1, sales)) != 1) {
                invoicedPrime += 2;
            }
            var docs = new ArrayList<Doc>();
            var bookings = new ArrayList<long[]>(); // placement, sale, first day, last day, status, created
            long bookingBase = day(windowStart) - 60;
            var calendar = new java.util.BitSet[placementName.length];
            for (int p = 0; p < calendar.length; p++) {
                calendar[p] = new java.util.BitSet();
            }
            for (int i = 0; i < companySeller.length; i++) {
                for (long s = saleStart[i]; s < saleStart[i + 1]; s++) {
                    var sale = sale(s, i);
                    long offered = sale.when("OFFERED");
                    if (offered >= 0) {
                        for (int li = 0; li < sale.lines().length; li++) {
                            var l = sale.lines()[li];
                            var r = rng(6, s * 4 + li);
                            if (l.placement() < 0 || r.nextDouble() >= 0.4) {
                                continue;
                            }
                            int status = switch (sale.stage()) {
                                case "ORDERED", "INVOICED" -> 1;
                                case "OFFERED" -> 0;
                                default -> 2;
                            };
                            long len = l.quantity() * (l.unit().equals("WEEK") ? 7 : 1);
                            long want = day(offered) + 3 + r.nextInt(40) - bookingBase;
                            var cal = calendar[l.placement()];
                            for (long first = want; first < want + 30; first++) {
                                if (status == 2 || cal.get((int) first, (int) (first + len)).isEmpty()) {
                                    if (status != 2) {
                                        cal.set((int) first, (int) (first + len));
                                    }
                                    bookings.add(new long[] {l.placement(), sale.id(), first + bookingBase, first + bookingBase + len - 1,
                                        status, offered, sale.changedAt()});
                                    break;
                                }
                            }
                        }
                    }
                    if (sale.stage().equals("INVOICED")) {
                        int[] all = new int[sale.lines().length];
                        for (int k = 0; k < all.length; k++) {
                            all[k] = k + 1;
                        }
                        var inv = new Doc(sale.id(), i, sale.seller(), sale.changedAt(), null, all);
                        totals(inv, sale.lines());
                        docs.add(inv);
                        long creditAt = inv.issuedAt + DAY + (long) (sale.payDraw2() * 30 * DAY);
                        if (sale.credit() && creditAt < end - 60) {
                            int[] lines = sale.creditWhole() ? all : new int[] {all.length};
                            var cn = new Doc(sale.id(), i, sale.seller(), creditAt, inv, lines);
                            totals(cn, sale.lines());
                            cn.reason = CREDIT_REASONS[sale.creditReason()];
                            docs.add(cn);
                            inv.credited = cn.gross;
                            inv.changedAt = creditAt;
                            if (sale.creditWhole()) {
                                inv.status = "CREDITED";
                            }
                        }
                        if (!inv.status.equals("CREDITED")) {
                            long due = inv.gross - inv.credited;
                            long age = end - inv.issuedAt;
                            double x = sale.payDraw();
                            double unpaid = age < 20 * DAY ? 0.9 : age < 45 * DAY ? 0.4 : 0.08;
                            if (due > 0 && x >= unpaid) {
                                inv.paid = x < unpaid + (1 - unpaid) * 0.06 ? Math.max(1, due * (2 + (long) (x * 1000) % 6) / 10) : due;
                            }
                            inv.status = inv.paid == 0 ? (due <= 0 ? "PAID" : "ISSUED") : inv.paid >= due ? "PAID" : "PARTLY_PAID";
                        }
                    }
                }
            }
            // numbers in issue order, invoices and credit notes in one series; the id is the number
            docs.sort(Comparator.comparingLong((Doc d) -> d.issuedAt).thenComparingLong(d -> d.saleId)
                    .thenComparing(d -> d.credits != null));
            long[] saleInvoice = new long[Math.toIntExact(sales)];
            for (int k = 0; k < docs.size(); k++) {
                var d = docs.get(k);
                d.id = k + 1;
                if (d.credits == null) {
                    saleInvoice[(int) (d.saleId - 1)] = d.id;
                }
            }
            System.out.printf("  sales planned (%,d documents, %,d bookings) in %.1f s%n", docs.size(), bookings.size(),
                    (System.nanoTime() - t) / 1e9);

            loadSales(c, saleInvoice);
            loadStageChanges(c);
            loadSaleLines(c);
            loadBookings(c, bookings);
            loadInvoices(c, docs);
            loadInvoiceLines(c, docs);
            loadPayments(c, docs);
        }

        static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        void loadStaffAndPlacements(Connection c) throws Exception {
            long t = System.nanoTime();
            long created = end - 6 * 365 * DAY;
            try (var out = new Copy(new Days(baseDay, dayText), c, "staff_user", "id, username, display_name, email, password_hash, role, team, active, created_at, changed_at")) {
                for (int k = 0; k < username.length; k++) {
                    out.num(k + 1).str(username[k]).str(FIRST_NAMES[k % FIRST_NAMES.length] + " " + LAST_NAMES[(k * 7) % LAST_NAMES.length])
                            .str(username[k] + "@benkeavisa.example")
                            .str("$2a$10$benchbenchbenchbenchbeOq5Nq3H1gS7kQ8mF2uW6yZ0pL4vXcRtA" + (char) ('a' + k % 26))
                            .str(k < TEAMS.length ? "MANAGER" : "SELLER").str(TEAMS[staffTeam[k]]).str("t").ts(created).ts(created).end();
                }
            }
            report("staff_user", username.length, t);
            t = System.nanoTime();
            try (var out = new Copy(new Days(baseDay, dayText), c, "placement", "id, name, description, channel, unit, active, created_at, changed_at")) {
                for (int p = 0; p < placementName.length; p++) {
                    out.num(p + 1).str(placementName[p]).str("Annonseplass " + placementName[p]).str(CHANNELS[p % CHANNELS.length])
                            .str(placementWeekly[p] ? "WEEK" : "DAY").str("t").ts(created).ts(created).end();
                }
            }
            report("placement", placementName.length, t);
            t = System.nanoTime();
            long n = 0;
            try (var out = new Copy(new Days(baseDay, dayText), c, "placement_price", "id, placement_id, valid_from, valid_to, unit_price, created_by, created_at")) {
                long[] from = {day(created), priceFrom[0], priceFrom[1]};
                for (int p = 0; p < placementName.length; p++) {
                    for (int k = 0; k < 3; k++) {
                        out.num(++n).num(p + 1).date(from[k]);
                        if (k < 2) {
                            out.date(from[k + 1] - 1);
                        } else {
                            out.nul();
                        }
                        out.num(placementPrice[p][k]).str(username[managers[0]]).ts(from[k] * DAY - 30 * DAY).end();
                    }
                }
            }
            report("placement_price", n, t);
        }

        /** A company's name and addresses, the same whenever asked. */
        String[] company(int i) {
            var r = rng(4, i);
            int pc = r.nextInt(postalCode.length);
            String name = FIRST[r.nextInt(FIRST.length)] + SECOND[r.nextInt(SECOND.length)] + " " + postalPlace[pc] + " "
                    + SUFFIX[r.nextInt(SUFFIX.length)];
            long body = 80_000_000 + (i * 7919L) % 20_000_000;
            String digits = Long.toString(body);
            int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
            int sum = 0;
            for (int k = 0; k < 8; k++) {
                sum += (digits.charAt(k) - '0') * weights[k];
            }
            int rem = sum % 11;
            String org = rem == 1 || r.nextDouble() < 0.03 ? null : digits + (rem == 0 ? 0 : 11 - rem);
            String street = STREETS[r.nextInt(STREETS.length)] + " " + (1 + r.nextInt(120));
            String status = r.nextDouble() < 0.45 ? "PROSPECT" : r.nextDouble() < 0.75 ? "CUSTOMER" : "FORMER_CUSTOMER";
            String phone = "+47 " + (20_000_000 + r.nextInt(79_999_999));
            return new String[] {name, org, street, postalCode[pc], postalPlace[pc], "faktura." + (i + 1) + "@example.no", status, phone};
        }

        void loadCompanies(Connection c) throws Exception {
            long t = System.nanoTime();
            int n = companySeller.length;
            try (var out = new Copy(new Days(baseDay, dayText), c, "company", "id, name, organisation_number, status, visiting_street, visiting_postal_code, "
                    + "postal_street, postal_postal_code, invoice_email, phone, website, responsible_seller_id, created_by, created_at, "
                    + "changed_by, changed_at")) {
                for (int i = 0; i < n; i++) {
                    String[] co = company(i);
                    String by = username[companySeller[i]];
                    out.num(i + 1).str(co[0]).str(co[1]).str(co[6]).str(co[2]).str(co[3]).str(co[2]).str(co[3]).str(co[5]).str(co[7])
                            .str(i % 3 == 0 ? null : "https://www.firma" + (i + 1) + ".no").num(companySeller[i] + 1)
                            .str(by).ts(companyCreated[i]).str(by).ts(companyCreated[i]).end();
                }
            }
            report("company", n, t);
        }

        void loadContacts(Connection c) throws Exception {
            long t = System.nanoTime();
            int n = companySeller.length;
            try (var out = new Copy(new Days(baseDay, dayText), c, "contact", "id, company_id, name, title, email, phone, unsubscribed, unsubscribed_at, created_by, "
                    + "created_at, changed_by, changed_at")) {
                for (int i = 0; i < n; i++) {
                    var r = rng(7, i);
                    String by = username[companySeller[i]];
                    for (long id = contactStart[i] + 1; id <= contactStart[i + 1]; id++) {
                        int f = r.nextInt(FIRST_NAMES.length);
                        int l = r.nextInt(LAST_NAMES.length);
                        long created = companyCreated[i] + (long) (r.nextDouble() * Math.max(DAY, (end - companyCreated[i]) / 3));
                        created = Math.min(created, end - 3600);
                        out.num(id).num(i + 1).str(FIRST_NAMES[f] + " " + LAST_NAMES[l]).str(TITLES[r.nextInt(TITLES.length)])
                                .str(ascii(FIRST_NAMES[f]) + "." + ascii(LAST_NAMES[l]) + "." + id + "@example.no")
                                .str("+47 " + (90_000_000 + r.nextInt(9_999_999)));
                        if (r.nextDouble() < 0.04) {
                            long at = created + (long) (r.nextDouble() * (end - 60 - created));
                            out.str("t").ts(at).str(by).ts(created).str(by).ts(at);
                        } else {
                            out.str("f").nul().str(by).ts(created).str(by).ts(created);
                        }
                        out.end();
                    }
                }
            }
            report("contact", scale.contacts(), t);
        }

        void loadSales(Connection c, long[] saleInvoice) throws Exception {
            long t = System.nanoTime();
            try (var out = new Copy(new Days(baseDay, dayText), c, "sale", "id, company_id, responsible_seller_id, stage, stage_reason, barter, description, created_by, "
                    + "created_at, changed_by, changed_at, invoice_id, team")) {
                for (int i = 0; i < companySeller.length; i++) {
                    for (long s = saleStart[i]; s < saleStart[i + 1]; s++) {
                        var sale = sale(s, i);
                        String by = username[sale.seller()];
                        out.num(sale.id()).num(i + 1).num(sale.seller() + 1).str(sale.stage()).str(sale.reason()).str(sale.barter() ? "t" : "f")
                                .str(sale.description()).str(by).ts(sale.at()[0]).str(by).ts(sale.changedAt());
                        if (saleInvoice[(int) s] == 0) {
                            out.nul();
                        } else {
                            out.num(saleInvoice[(int) s]);
                        }
                        out.str(TEAMS[staffTeam[sale.seller()]]).end();
                    }
                }
            }
            report("sale", scale.sales(), t);
        }

        void loadStageChanges(Connection c) throws Exception {
            long t = System.nanoTime();
            long n = 0;
            try (var out = new Copy(new Days(baseDay, dayText), c, "sale_stage_change", "sale_id, from_stage, to_stage, reason, changed_by, changed_at")) {
                for (int i = 0; i < companySeller.length; i++) {
                    for (long s = saleStart[i]; s < saleStart[i + 1]; s++) {
                        var sale = sale(s, i);
                        var st = sale.stages();
                        for (int k = 0; k < st.length; k++) {
                            boolean last = k == st.length - 1;
                            out.num(sale.id()).str(k == 0 ? null : st[k - 1]).str(st[k]).str(last ? sale.reason() : null)
                                    .str(username[sale.seller()]).ts(sale.at()[k]).end();
                            n++;
                        }
                    }
                }
            }
            report("sale_stage_change", n, t);
        }

        void loadSaleLines(Connection c) throws Exception {
            long t = System.nanoTime();
            long n = 0;
            try (var out = new Copy(new Days(baseDay, dayText), c, "sale_line", "id, sale_id, placement_id, description, quantity, unit, unit_price, discount_percent, "
                    + "vat_category, vat_percent, exemption_reason")) {
                for (int i = 0; i < companySeller.length; i++) {
                    for (long s = saleStart[i]; s < saleStart[i + 1]; s++) {
                        var sale = sale(s, i);
                        for (var l : sale.lines()) {
                            out.num(++n).num(sale.id());
                            if (l.placement() < 0) {
                                out.nul();
                            } else {
                                out.num(l.placement() + 1);
                            }
                            out.str(l.description()).num(l.quantity()).str(l.unit()).num(l.unitPrice()).num(l.discount())
                                    .str(l.category()).num(l.percent()).str(l.exemption()).end();
                        }
                    }
                }
            }
            report("sale_line", n, t);
        }

        void loadBookings(Connection c, List<long[]> bookings) throws Exception {
            long t = System.nanoTime();
            long n = 0;
            String[] status = {"RESERVED", "CONFIRMED", "CANCELLED"};
            try (var out = new Copy(new Days(baseDay, dayText), c, "booking", "id, placement_id, sale_id, first_day, last_day, status, created_by, created_at, changed_by, changed_at")) {
                for (long[] b : bookings) {
                    out.num(++n).num(b[0] + 1).num(b[1]).date(b[2]).date(b[3]).str(status[(int) b[4]]).str("system:bench").ts(b[5])
                            .str("system:bench").ts(b[6]).end();
                }
            }
            report("booking", n, t);
        }

        static String kid(long customer, long number) {
            String body = String.format("%07d%08d", customer % 10_000_000, number);
            int sum = 0;
            for (int k = 0; k < body.length(); k++) {
                int d = body.charAt(body.length() - 1 - k) - '0';
                if (k % 2 == 0) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            return body + (10 - sum % 10) % 10;
        }

        void loadInvoices(Connection c, List<Doc> docs) throws Exception {
            long t = System.nanoTime();
            try (var out = new Copy(new Days(baseDay, dayText), c, "invoice", "id, kind, company_id, status, number, credited_invoice_id, buyer_reference, note, issue_date, "
                    + "due_date, kid, seller_name, seller_org_no, seller_street, seller_postal_code, seller_place, seller_email, seller_phone, "
                    + "seller_account, seller_vat_registered, seller_foretaksregisteret, buyer_customer_no, buyer_name, buyer_org_no, "
                    + "buyer_street, buyer_postal_code, buyer_place, buyer_email, net, vat, gross, ubl, paid, credited, created_by, "
                    + "created_at, changed_by, changed_at")) {
                for (var d : docs) {
                    boolean credit = d.credits != null;
                    String[] co = company(d.company);
                    long issueDay = day(d.issuedAt);
                    out.num(d.id).str(credit ? "CREDIT_NOTE" : "INVOICE").num(d.company + 1).str(d.status).num(d.id);
                    if (credit) {
                        out.num(d.credits.id);
                    } else {
                        out.nul();
                    }
                    out.str("Ordre " + d.saleId).str(d.reason).date(issueDay);
                    if (credit) {
                        out.nul().nul();
                    } else {
                        out.date(issueDay + 14).str(kid(d.company + 1, d.id));
                    }
                    out.str(SELLER_NAME).str(SELLER_ORG).str("Akersgata 55").str("0180").str("OSLO").str("faktura@benkeavisa.example")
                            .str("+47 22 00 00 00").str("86011117947").str("t").str("t")
                            .num(d.company + 1).str(co[0]).str(co[1]).str(co[2]).str(co[3]).str(co[4]).str(co[5])
                            .num(d.net).num(d.vat).num(d.gross)
                            .str("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:" + (credit ? "CreditNote-2" : "Invoice-2")
                                    + "\"><ID>" + d.id + "</ID></Invoice>")
                            .num(d.paid).num(d.credited).str(username[d.seller]).ts(d.issuedAt).str(username[d.seller]).ts(d.changedAt).end();
                }
            }
            report("invoice", docs.size(), t);
        }

        void loadInvoiceLines(Connection c, List<Doc> docs) throws Exception {
            long t = System.nanoTime();
            long n = 0;
            String[] units = {"PIECE", "C62", "HOUR", "HUR", "DAY", "DAY", "WEEK", "WEE"};
            try (var out = new Copy(new Days(baseDay, dayText), c, "invoice_line", "invoice_id, line_no, sale_id, credited_line_no, description, quantity, unit_code, "
                    + "unit_price, discount_percent, tax_category, tax_percent, exemption_reason")) {
                for (var d : docs) {
                    long s = d.saleId - 1;
                    var sale = sale(s, d.company);
                    int no = 0;
                    for (int original : d.lineNos) {
                        var l = sale.lines()[original - 1];
                        String unit = null;
                        for (int k = 0; k < units.length; k += 2) {
                            if (units[k].equals(l.unit())) {
                                unit = units[k + 1];
                            }
                        }
                        out.num(d.id).num(++no);
                        if (d.credits == null) {
                            out.num(d.saleId).nul();
                        } else {
                            out.nul().num(original);
                        }
                        out.str(l.description()).num(l.quantity()).str(unit).num(l.unitPrice()).num(l.discount()).str(l.category())
                                .num(l.percent()).str(l.exemption()).end();
                        n++;
                    }
                }
            }
            report("invoice_line", n, t);
        }

        void loadPayments(Connection c, List<Doc> docs) throws Exception {
            long t = System.nanoTime();
            long n = 0;
            try (var out = new Copy(new Days(baseDay, dayText), c, "payment", "invoice_id, kind, source, amount, paid_on, kid, registered_by, registered_at")) {
                for (var d : docs) {
                    if (d.credits != null || d.paid == 0) {
                        continue;
                    }
                    var r = rng(8, d.id);
                    long issueDay = day(d.issuedAt);
                    long lastDay = day(end) - 1;
                    long payDay = Math.min(lastDay, issueDay + 2 + r.nextInt(40));
                    String kid = kid(d.company + 1, d.id);
                    String by = username[managers[r.nextInt(managers.length)]];
                    boolean split = d.status.equals("PAID") && d.paid > 1 && r.nextDouble() < 0.1;
                    long first = split ? d.paid / 2 : d.paid;
                    out.num(d.id).str("PAYMENT").str("MANUAL").num(first).date(payDay).str(kid).str(by).ts(Math.min(payDay * DAY + 10 * 3600, end - 1)).end();
                    n++;
                    long lastAt = Math.min(payDay * DAY + 10 * 3600, end - 1);
                    if (split) {
                        long second = Math.min(lastDay, payDay + 1 + r.nextInt(20));
                        lastAt = Math.min(second * DAY + 10 * 3600, end - 1);
                        out.num(d.id).str("PAYMENT").str("MANUAL").num(d.paid - first).date(second).str(kid).str(by).ts(lastAt).end();
                        n++;
                    }
                }
                // a few nobody could match
                long unmatched = Math.max(1, scale.invoices() / 1000);
                for (long k = 0; k < unmatched; k++) {
                    var r = rng(9, k);
                    long payDay = day(windowStart) + r.nextInt((int) (day(end) - day(windowStart)));
                    out.nul().str("PAYMENT").str("MANUAL").num(10_000 + r.nextInt(5_000_000)).date(payDay)
                            .str(r.nextDouble() < 0.5 ? null : "9" + (100_000_000_000_000L + r.nextLong(800_000_000_000_000L)))
                            .str(username[managers[0]]).ts(payDay * DAY + 11 * 3600).end();
                    n++;
                }
            }
            report("payment", n, t);
        }
    }

    static String ascii(String s) {
        return s.toLowerCase().replace("æ", "ae").replace("ø", "o").replace("å", "aa");
    }

    static String initcap(String s) {
        var b = new StringBuilder(s.length());
        boolean start = true;
        for (char ch : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
            start = !Character.isLetter(ch);
        }
        return b.toString();
    }

    /** Each day's text, precomputed by the run for its span of days. */
    private record Days(long base, byte[][] text) {
    }

    /** One COPY … FROM STDIN in text format, written straight into bytes. */
    private static final class Copy implements AutoCloseable {
        private final PGCopyOutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private boolean first = true;

        private final Days days;

        Copy(Days days, Connection c, String table, String columns) throws SQLException {
            this.days = days;
            out = new PGCopyOutputStream(c.unwrap(PGConnection.class), "COPY " + table + " (" + columns + ") FROM STDIN", 1 << 16);
        }

        private void sep() throws IOException {
            if (pos > buf.length - 1024) {
                out.write(buf, 0, pos);
                pos = 0;
            }
            if (!first) {
                buf[pos++] = '\t';
            }
            first = false;
        }

        Copy nul() throws IOException {
            sep();
            buf[pos++] = '\\';
            buf[pos++] = 'N';
            return this;
        }

        Copy num(long v) throws IOException {
            sep();
            if (v < 0) {
                buf[pos++] = '-';
                v = -v;
            }
            int startPos = pos;
            do {
                buf[pos++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v > 0);
            for (int a = startPos, b = pos - 1; a < b; a++, b--) {
                byte x = buf[a];
                buf[a] = buf[b];
                buf[b] = x;
            }
            return this;
        }

        Copy str(String s) throws IOException {
            if (s == null) {
                return nul();
            }
            sep();
            if (s.length() > 300) {
                throw new IllegalArgumentException("too long for the buffer's margin: " + s);
            }
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (ch < 0x80) {
                    switch (ch) {
                        case '\\' -> { buf[pos++] = '\\'; buf[pos++] = '\\'; }
                        case '\t' -> { buf[pos++] = '\\'; buf[pos++] = 't'; }
                        case '\n' -> { buf[pos++] = '\\'; buf[pos++] = 'n'; }
                        case '\r' -> { buf[pos++] = '\\'; buf[pos++] = 'r'; }
                        default -> buf[pos++] = (byte) ch;
                    }
                } else if (ch < 0x800) {
                    buf[pos++] = (byte) (0xC0 | ch >> 6);
                    buf[pos++] = (byte) (0x80 | ch & 0x3F);
                } else {
                    buf[pos++] = (byte) (0xE0 | ch >> 12);
                    buf[pos++] = (byte) (0x80 | ch >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | ch & 0x3F);
                }
            }
            return this;
        }

        private byte[] dayText(long epochDay) {
            long k = epochDay - days.base;
            return k >= 0 && k < days.text.length ? days.text[(int) k]
                    : LocalDate.ofEpochDay(epochDay).toString().getBytes(StandardCharsets.US_ASCII);
        }

        private long cachedDay = Long.MIN_VALUE;
        private byte[] cachedText;

        private void day(long epochDay) {
            if (epochDay != cachedDay) {
                cachedDay = epochDay;
                cachedText = dayText(epochDay);
            }
            System.arraycopy(cachedText, 0, buf, pos, cachedText.length);
            pos += cachedText.length;
        }

        Copy date(long epochDay) throws IOException {
            sep();
            day(epochDay);
            return this;
        }

        /** An instant as {@code YYYY-MM-DD HH:MM:SS+00}. */
        Copy ts(long epochSecond) throws IOException {
            sep();
            long d = Math.floorDiv(epochSecond, DAY);
            int sod = (int) (epochSecond - d * DAY);
            day(d);
            buf[pos++] = ' ';
            two(sod / 3600);
            buf[pos++] = ':';
            two(sod / 60 % 60);
            buf[pos++] = ':';
            two(sod % 60);
            buf[pos++] = '+';
            buf[pos++] = '0';
            buf[pos++] = '0';
            return this;
        }

        private void two(int v) {
            buf[pos++] = (byte) ('0' + v / 10);
            buf[pos++] = (byte) ('0' + v % 10);
        }

        void end() {
            buf[pos++] = '\n';
            first = true;
        }

        @Override
        public void close() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
            out.close();
        }
    }

    private static final String V13 = "V13__reporting_facts.sql";
    private static final String V15 = "V15__billed_lines_and_list_facts.sql";
    private static final String V19 = "V19__company_name_words.sql";

    /**
     * The statement of {@code migration} that begins with {@code start}, read from the migration
     * itself, so the facts it keeps are computed exactly as a migrated database has them.
     */
    static String statement(String migration, String start) throws IOException {
        try (var in = ReportData.class.getResourceAsStream("/db/migration/" + migration)) {
            if (in == null) {
                throw new IOException(migration + " is not on the class path");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = sql.lastIndexOf(start);
            if (at < 0) {
                throw new IOException(migration + " has no statement beginning " + start);
            }
            return sql.substring(at, sql.indexOf(";\n", at));
        }
    }
}
