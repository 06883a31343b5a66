package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.adapters.persistence.schema.DatabaseRoles;
import no.kontor.adapters.persistence.schema.Migrations;
import no.kontor.adapters.web.testing.ApiClient;

/**
 * Not a test: the tool that makes the released database {@link UpgradeFromReleasedSchemaTest} migrates
 * (docs/operations-upgrade.md says when and how). On a release's commit it creates a database on a
 * PostgreSQL server whose {@code pg_dump} is at hand, migrates it with that release's migrations, starts
 * that release's server on it (the {@code test} environment, so its audit key is the one the upgrade
 * test starts with) and makes data through the API as people would — so the audit chain, the frozen
 * documents and the outbox are what the release itself wrote. Then it dumps the database with
 * {@code pg_dump} into {@code src/test/resources/upgrade/kontor-v<newest migration>.sql.gz}.
 *
 * <p>Runs only when asked, e.g.
 * {@code ./mvnw -o -q -pl crm-bootstrap -am verify -Dtest=ReleasedDatabaseMaker -Dsurefire.failIfNoSpecifiedTests=false
 * -Dkontor.upgrade.server=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}.
 * The server's user must be allowed to create roles and databases; the database {@code kontor_release}
 * there is dropped and made anew.
 */
@EnabledIfSystemProperty(named = "kontor.upgrade.server", matches = "jdbc:postgresql:.+")
class ReleasedDatabaseMaker {
    static final String DATABASE = "kontor_release";
    static final String OWNER = "kontor_release_owner";
    static final String APP = "kontor_release_app";
    /** What stands for the application role in the dump's grants, as in the migrations. */
    static final String APP_PLACEHOLDER = "${appRole}";

    @Test
    void makeTheReleasedDatabaseAndDumpIt() throws Exception {
        String server = System.getProperty("kontor.upgrade.server");
        String pgDump = System.getProperty("kontor.upgrade.pg-dump", "pg_dump");
        String password = "release-" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(server); var st = c.createStatement()) {
            DatabaseRoles.ensureLoginRole(c, OWNER, password);
            DatabaseRoles.ensureLoginRole(c, APP, password);
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " TEMPLATE template0 ENCODING 'UTF8'"
                    + " LOCALE_PROVIDER icu ICU_LOCALE 'nb-NO' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
        }
        String url = withDatabase(server, DATABASE); // no user in it: each connection names its role
        int applied = Migrations.migrate(url, OWNER, password, APP);
        Map<String, Object> properties = Map.of("datasources.default.url", url, "datasources.default.username", APP,
                "datasources.default.password", password);
        try (EmbeddedServer app = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            makeData(app);
            awaitOutbox(url, password);
        }
        String newest;
        try (Connection c = DriverManager.getConnection(url, OWNER, password); var st = c.createStatement();
             var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            rs.next();
            newest = rs.getString(1);
        }
        assertThat(applied).isPositive();
        byte[] dump = dump(pgDump, url);
        Path target = Path.of("src/test/resources/upgrade/kontor-v" + newest + ".sql.gz");
        Files.createDirectories(target.getParent());
        try (var out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(dump);
        }
        System.out.println("Wrote " + target.toAbsolutePath() + " (" + Files.size(target) + " bytes, " + dump.length + " unpacked)");
    }

    /** A small newspaper's first weeks: staff, customers, their people and calls, sales, bookings, invoices, payments. */
    private static void makeData(EmbeddedServer app) {
        var admin = ApiClient.anonymous(app.getURI()).login("admin", "admin-password");
        ok(admin.post("/api/v1/users", user("mona", "Mona Leder", "MANAGER")), 201);
        String sindreId = ApiClient.field(ok(admin.post("/api/v1/users", user("sindre", "Sindre Selger", "SELLER")), 201).body(), "id");
        ok(admin.post("/api/v1/users", user("tone", "Tone Tidligere", "SELLER")), 201);
        var manager = ApiClient.anonymous(app.getURI()).login("mona", "mona-password");
        var seller = ApiClient.anonymous(app.getURI()).login("sindre", "sindre-password");

        String[][] companies = {
                {"Nordlys Bakeri AS", "974760673", "0150", "post@nordlysbakeri.example"},
                {"Fjordkraft Sykkel AS", "974761076", "5003", "faktura@fjordsykkel.example"},
                {"Ærlig Øko Gård", "889640782", "7010", "gard@aerligoko.example"},
                {"Åsen Rørlegger AS", "991825827", "9008", null},
                {"Byens Blomster", null, "4006", "blomster@byen.example"},
                {"Tinden Eiendom AS", "987654325", "0150", "regnskap@tinden.example"},
                {"Kaffebrenneriet Sør", null, null, null},
                {"Havbris Kro", null, "5003", "kro@havbris.example"},
        };
        List<String> companyIds = new ArrayList<>();
        for (int i = 0; i < companies.length; i++) {
            String[] c = companies[i];
            String body = "{\"name\":\"" + c[0] + "\"" + (c[1] == null ? "" : ",\"organisationNumber\":\"" + c[1] + "\"")
                    + ",\"status\":\"" + (i < 6 ? "CUSTOMER" : "PROSPECT") + "\""
                    + (c[2] == null ? "" : ",\"postalAddress\":{\"street\":\"Storgata " + (i + 1) + "\",\"postalCode\":\"" + c[2] + "\"}")
                    + (c[3] == null ? "" : ",\"invoiceEmail\":\"" + c[3] + "\"")
                    + ",\"phone\":\"+47 22 00 00 0" + i + "\",\"responsibleSellerId\":" + sindreId
                    + ",\"notes\":\"Kunde siden " + (2015 + i) + ".\\nRing før kl. 10.\"}";
            companyIds.add(ApiClient.field(ok(seller.post("/api/v1/companies", body), 201).body(), "id"));
        }
        String[] people = {"Kari Nordmann", "Ola Hansen", "Åse Ødegård", "Per Ås", "Lise Berg", "Jonas Vik", "Nina Dahl",
                "Eirik Moe", "Ingrid Lie", "Tor Strand"};
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            String company = companyIds.get(i % companyIds.size());
            String email = people[i].toLowerCase().replace(' ', '.').replace("å", "a").replace("ø", "o").replace("æ", "ae");
            contactIds.add(ApiClient.field(ok(seller.post("/api/v1/companies/" + company + "/contacts",
                    "{\"name\":\"" + people[i] + "\",\"title\":\"" + (i % 2 == 0 ? "Daglig leder" : "Markedssjef")
                            + "\",\"email\":\"" + email + "@kunde.example\",\"phone\":\"+47 900 00 0" + i + "\"}"), 201).body(), "id"));
        }
        String[] kinds = {"PHONE_CALL", "EMAIL", "MEETING", "NOTE", "CUSTOMER_FEEDBACK", "INCOMING_ORDER"};
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 18; i++) {
            int c = i % companyIds.size();
            String followUp = i % 4 == 0 ? ",\"followUp\":{\"dueDate\":\"" + today.plusDays(i) + "\"}" : "";
            String contact = c < contactIds.size() ? ",\"contactId\":" + contactIds.get(c) : "";
            ok(seller.post("/api/v1/companies/" + companyIds.get(c) + "/activities", "{\"kind\":\"" + kinds[i % kinds.length]
                    + "\",\"direction\":\"" + (i % 3 == 0 ? "INBOUND" : "OUTBOUND") + "\",\"subject\":\"Samtale " + (i + 1)
                    + " om annonser\",\"text\":\"Ønsker helside i påskeutgaven.\\nSender pris.\"" + contact + followUp + "}"), 201);
        }

        String toppbanner = placement(admin, "Toppbanner", "nett", 150000);
        String helside = placement(admin, "Helside", "papir", 1200000);

        List<String> invoiceIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sale = ApiClient.field(ok(seller.post("/api/v1/sales", "{\"companyId\":" + companyIds.get(i) + ",\"stage\":\"ORDERED\"}"), 201)
                    .body(), "id");
            ok(seller.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Rubrikkannonse uke " + (10 + i)
                    + "\",\"quantity\":" + (i + 1) + ",\"unit\":\"PIECE\",\"unitPrice\":" + (45000 + i * 1000) + "}"), 201);
            ok(seller.post("/api/v1/sales/" + sale + "/lines", "{\"placementId\":" + (i % 2 == 0 ? toppbanner : helside)
                    + ",\"quantity\":2,\"unit\":\"DAY\",\"discountPercent\":10}"), 201);
            ok(seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + (i % 2 == 0 ? toppbanner : helside)
                    + ",\"firstDay\":\"" + today.plusDays(7 * i + 3) + "\",\"lastDay\":\"" + today.plusDays(7 * i + 4) + "\"}"), 201);
            ok(seller.post("/api/v1/time-entries", "{\"saleId\":" + sale + ",\"workDate\":\"" + today
                    + "\",\"hours\":1.5,\"description\":\"Utforming\",\"hourlyRate\":95000}"), 201);
            if (i < 2) { // one issued, one left a draft: each issued document weighs some 100 KB in the dump
                String invoice = ApiClient.field(ok(manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}"), 201).body(), "id");
                if (i == 0) {
                    ok(manager.post("/api/v1/invoices/" + invoice + "/issue", ""), 200);
                }
                invoiceIds.add(invoice);
            }
        }
        // an open offer, a lost one and one cancelled
        String offered = ApiClient.field(ok(seller.post("/api/v1/sales", "{\"companyId\":" + companyIds.get(4) + "}"), 201).body(), "id");
        ok(seller.post("/api/v1/sales/" + offered + "/lines", "{\"description\":\"Helårsavtale nett\",\"quantity\":52,\"unit\":\"WEEK\","
                + "\"unitPrice\":75000}"), 201);
        ok(seller.post("/api/v1/sales/" + offered + "/stage", "{\"stage\":\"OFFERED\"}"), 200);
        String lost = ApiClient.field(ok(seller.post("/api/v1/sales", "{\"companyId\":" + companyIds.get(5) + "}"), 201).body(), "id");
        ok(seller.post("/api/v1/sales/" + lost + "/stage", "{\"stage\":\"LOST\",\"reason\":\"Valgte konkurrent\"}"), 200);

        // paid in part through its KID and by hand, and its banner line credited
        String issued = invoiceIds.get(0);
        String kid = ApiClient.field(ok(manager.get("/api/v1/invoices/" + issued), 200).body(), "kid");
        ok(manager.post("/api/v1/payments", "{\"kid\":\"" + kid + "\",\"amount\":20000,\"paidOn\":\"" + today + "\"}"), 201);
        ok(manager.post("/api/v1/invoices/" + issued + "/payments", "{\"amount\":30000,\"paidOn\":\"" + today + "\"}"), 201);
        ok(manager.post("/api/v1/invoices/" + issued + "/credit-notes", "{\"lineNumbers\":[2],\"reason\":\"Banneret ble ikke vist\"}"), 201);
    }

    private static String placement(ApiClient admin, String name, String channel, long pricePerDay) {
        String id = ApiClient.field(ok(admin.post("/api/v1/placements", "{\"name\":\"" + name + "\",\"unit\":\"DAY\",\"channel\":\""
                + channel + "\"}"), 201).body(), "id");
        ok(admin.post("/api/v1/placements/" + id + "/prices", "{\"validFrom\":\"2020-01-01\",\"unitPrice\":" + pricePerDay + "}"), 201);
        return id;
    }

    private static String user(String username, String name, String role) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + name + "\",\"password\":\"" + username
                + "-password\",\"role\":\"" + role + "\",\"team\":\"Salg\"}";
    }

    private static java.net.http.HttpResponse<String> ok(java.net.http.HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(status);
        return response;
    }

    /** Waits until the outbox has rendered every document (the frozen PDFs are part of what an upgrade must keep). */
    private static void awaitOutbox(String url, String password) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(url, OWNER, password); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM outbox WHERE done_at IS NULL AND NOT failed")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox did not finish its jobs in a minute");
            }
            Thread.sleep(200);
        }
    }

    /**
     * {@code pg_dump} without owners (whoever loads it owns it) but with the grants, whose application role
     * becomes the migrations' placeholder; psql's meta-commands ({@code \restrict}) are left out.
     */
    private static byte[] dump(String pgDump, String url) throws IOException, InterruptedException {
        String rest = url.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        var process = new ProcessBuilder(pgDump, "--no-owner", "--format=plain", "--encoding=UTF8", "-h", host, "-p", port,
                "-U", OWNER, DATABASE).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(pgDump + " failed with " + process.exitValue());
        }
        var text = new StringBuilder();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("\\restrict") || line.startsWith("\\unrestrict")) {
                continue;
            }
            if ((line.startsWith("GRANT ") || line.startsWith("REVOKE ")) && (line.endsWith(" " + APP + ";"))) {
                line = line.substring(0, line.length() - APP.length() - 1) + APP_PLACEHOLDER + ";";
            }
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String withDatabase(String server, String database) {
        int hostStart = "jdbc:postgresql://".length();
        int slash = server.indexOf('/', hostStart);
        int query = server.indexOf('?');
        return server.substring(0, slash < 0 || (query >= 0 && query < slash) ? query : slash) + "/" + database;
    }
}
