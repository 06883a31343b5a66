package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * Every list that used to answer everything at once is a keyset page: more rows
 * than one page are walked with the cursor, each row seen once and in the list's
 * order, and a bad limit or cursor is a 400 naming the field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingApiTest implements UsesTestDatabase {
    static final int PAGE = 2;

    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient admin;
    ApiClient manager;
    ApiClient seller;
    String company;
    String invoice;
    String sale;
    List<String> placements = new ArrayList<>();

    @BeforeAll
    void setUp() {
        staff.add("pia", Role.ADMIN);
        staff.add("mats", Role.MANAGER);
        staff.add("sofie", Role.SELLER);
        staff.add("ulf", Role.SELLER);
        admin = staff.login("pia");
        manager = staff.login("mats");
        seller = staff.login("sofie");
        company = ApiClient.field(created(seller.post("/api/v1/companies", "{\"name\":\"Sider AS\",\"status\":\"CUSTOMER\","
                + "\"invoiceEmail\":\"faktura@sider.example\"}")), "id");
        // two contacts with the same name: the id breaks the tie
        for (String name : List.of("Berit", "Anne", "Berit", "Carl")) {
            created(seller.post("/api/v1/companies/" + company + "/contacts", "{\"name\":\"" + name + "\"}"));
        }
        for (String name : List.of("Forside", "Bakside", "Midtside")) {
            placements.add(ApiClient.field(created(admin.post("/api/v1/placements", "{\"name\":\"" + name + "\",\"unit\":\"WEEK\"}")), "id"));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        for (int i = 0; i < 3; i++) {
            created(admin.post("/api/v1/placements/" + placements.get(0) + "/prices", "{\"validFrom\":\"" + today.plusYears(i)
                    + "\",\"validTo\":\"" + today.plusYears(i + 1).minusDays(1) + "\",\"unitPrice\":" + (1000 + i) + "}"));
        }
        sale = ApiClient.field(created(seller.post("/api/v1/sales", "{\"companyId\":" + company + "}")), "id");
        assertThat(seller.post("/api/v1/sales/" + sale + "/stage", "{\"stage\":\"OFFERED\"}").statusCode()).isEqualTo(200);
        // bookings on the same first day: the id breaks the tie
        for (String placement : placements) {
            created(seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement + ",\"firstDay\":\""
                    + today.plusDays(10) + "\",\"lastDay\":\"" + today.plusDays(16) + "\"}"));
        }
        for (int i = 1; i <= 3; i++) {
            created(seller.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Linje " + i + "\",\"quantity\":1,"
                    + "\"unit\":\"PIECE\",\"unitPrice\":100000}"));
        }
        assertThat(seller.post("/api/v1/sales/" + sale + "/stage", "{\"stage\":\"ORDERED\"}").statusCode()).isEqualTo(200);
        invoice = ApiClient.field(created(manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}")), "id");
        assertThat(manager.post("/api/v1/invoices/" + invoice + "/issue", "").statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            created(manager.post("/api/v1/invoices/" + invoice + "/payments", "{\"amount\":100,\"paidOn\":\"" + today + "\"}"));
            assertThat(manager.post("/api/v1/invoices/" + invoice + "/send", "{}").statusCode()).isEqualTo(202);
            created(manager.post("/api/v1/invoices/" + invoice + "/credit-notes", "{\"lineNumbers\":[" + (i + 1) + "],\"reason\":\"Del " + i
                    + "\"}"));
            // reminders are written as the table takes them; the reminder rules have tests of their own
            Db.text(dataSource, "INSERT INTO invoice_reminder (invoice_id, number, sent_on, pay_by, principal, fee, interest, sent_by, "
                    + "sent_at) VALUES (?, ?, ?, ?, 100, 0, 0, 'user:1', now()) RETURNING id", Long.parseLong(invoice), i + 1, today,
                    today.plusDays(14));
        }
    }

    static String created(java.net.http.HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return r.body();
    }

    @Test
    void staffUsersAreByUsername() {
        var rows = walk(seller, "/api/v1/users");
        assertThat(rows).extracting(r -> (String) r.get("username")).isSorted().contains("pia", "mats", "sofie", "ulf");
        assertThat(rows).hasSize((int) Db.count(dataSource, "SELECT count(*) FROM staff_user"));
    }

    @Test
    void placementsAreByName() {
        var rows = walk(seller, "/api/v1/placements");
        assertThat(rows).extracting(r -> (String) r.get("name")).containsExactly("Bakside", "Forside", "Midtside");
    }

    @Test
    void pricesAreEarliestFirst() {
        var rows = walk(seller, "/api/v1/placements/" + placements.get(0) + "/prices");
        assertThat(rows).extracting(r -> Json.number(r.get("unitPrice"))).containsExactly(1000L, 1001L, 1002L);
    }

    @Test
    void contactsAreByNameThenId() {
        var rows = walk(seller, "/api/v1/companies/" + company + "/contacts");
        assertThat(rows).extracting(r -> (String) r.get("name")).containsExactly("Anne", "Berit", "Berit", "Carl");
        assertThat(Json.number(rows.get(1).get("id"))).isLessThan(Json.number(rows.get(2).get("id")));
    }

    @Test
    void bookingsOfASaleAreByFirstDayThenId() {
        var rows = walk(seller, "/api/v1/sales/" + sale + "/bookings");
        assertThat(rows).hasSize(3).extracting(r -> Json.number(r.get("id"))).isSorted();
    }

    @Test
    void stageHistoryIsOldestFirst() {
        var rows = walk(seller, "/api/v1/sales/" + sale + "/stage-history");
        assertThat(rows).extracting(r -> (String) r.get("to")).startsWith("LEAD", "OFFERED", "ORDERED");
        assertThat(rows).hasSize((int) Db.count(dataSource, "SELECT count(*) FROM sale_stage_change WHERE sale_id = ?",
                Long.parseLong(sale)));
    }

    @Test
    void aRecordsAuditHistoryIsOldestFirst() {
        var rows = walk(seller, "/api/v1/audit/records/sale/" + sale);
        assertThat(rows).extracting(r -> Json.number(r.get("seq"))).isSorted();
        assertThat(rows).hasSize((int) Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'sale' AND record_id = ?",
                sale));
    }

    @Test
    void paymentsOfAnInvoiceAreOldestFirst() {
        var rows = walk(seller, "/api/v1/invoices/" + invoice + "/payments");
        assertThat(rows).hasSize(3).extracting(r -> Json.number(r.get("id"))).isSorted();
    }

    @Test
    void creditNotesAreOldestFirst() {
        var rows = walk(seller, "/api/v1/invoices/" + invoice + "/credit-notes");
        assertThat(rows).hasSize(3).extracting(r -> Json.number(r.get("id"))).isSorted();
    }

    @Test
    void remindersAreByNumber() {
        var rows = walk(seller, "/api/v1/invoices/" + invoice + "/reminders");
        assertThat(rows).extracting(r -> Json.number(r.get("number"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void jobsAreNewestFirst() {
        var rows = walk(seller, "/api/v1/invoices/" + invoice + "/jobs");
        assertThat(rows).hasSize((int) Db.count(dataSource, "SELECT count(*) FROM outbox WHERE invoice_id = ?", Long.parseLong(invoice)))
                .hasSizeGreaterThan(PAGE);
        var ids = rows.stream().map(r -> Json.number(r.get("id"))).toList();
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aCursorOfOneListIsRefusedByAnother() {
        String cursor = (String) Json.object(seller.get("/api/v1/invoices/" + invoice + "/payments?limit=1").body()).get("nextCursor");
        assertThat(cursor).isNotNull();
        var r = seller.get("/api/v1/invoices/" + invoice + "/credit-notes?cursor=" + cursor);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"cursor\"");
    }

    /**
     * Walks the list {@code PAGE} rows at a time; each page is a page, the walk sees
     * every row of the one big page exactly once and in its order, and the list
     * refuses a bad limit and a garbage cursor naming the field.
     */
    List<Map<String, Object>> walk(ApiClient client, String path) {
        String sep = path.contains("?") ? "&" : "?";
        var all = Json.object(ok(client, path + sep + "limit=100"));
        assertThat(all.get("nextCursor")).as("one page of 100 holds them all").isNull();
        var expected = Json.list(all.get("items"));
        assertThat(expected.size()).as("more rows than one page").isGreaterThan(PAGE);

        var seen = new ArrayList<Map<String, Object>>();
        String cursor = null;
        int pages = 0;
        do {
            var page = Json.object(ok(client, path + sep + "limit=" + PAGE + (cursor == null ? "" : "&cursor=" + cursor)));
            var items = Json.list(page.get("items"));
            assertThat(items.size()).isBetween(1, PAGE);
            seen.addAll(items);
            cursor = (String) page.get("nextCursor");
            assertThat(++pages).as("the walk ends").isLessThanOrEqualTo(expected.size());
        } while (cursor != null);
        assertThat(pages).isGreaterThan(1);
        var seenKeys = seen.stream().map(ListPagingApiTest::identity).toList();
        if (seen.get(0).containsKey("id") || seen.get(0).containsKey("seq")) {
            assertThat(seenKeys).as("each row once").doesNotHaveDuplicates();
        }
        assertThat(seenKeys).as("every row, in order").isEqualTo(expected.stream().map(ListPagingApiTest::identity).toList());
        assertThat(Json.list(Json.object(ok(client, path)).get("items")).stream().map(ListPagingApiTest::identity).toList())
                .as("the default page (50) holds these too").isEqualTo(seenKeys);

        for (String bad : List.of("limit=0", "limit=101", "limit=-1")) {
            var r = client.get(path + sep + bad);
            assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"limit\"");
        }
        for (String bad : List.of("garbage", "Zm9vYmFy", "%00")) {
            var r = client.get(path + sep + "cursor=" + bad);
            assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"cursor\"");
        }
        return seen;
    }

    /** A row's id (its seq in the audit log); a stage change, which has neither, is the whole row. */
    static Object identity(Map<String, Object> row) {
        return row.containsKey("id") ? row.get("id") : row.containsKey("seq") ? row.get("seq") : row;
    }

    static String ok(ApiClient client, String path) {
        var r = client.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.body()).as(path + " is a page").startsWith("{");
        return r.body();
    }
}
