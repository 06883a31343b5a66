package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.BusinessDays;

/** Sales with lines and VAT, their lists, hours that become lines, and placement prices, over HTTP on PostgreSQL. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient admin;
    ApiClient seller;
    ApiClient other;
    ApiClient manager;
    long sellerId;
    long otherId;
    String companyId;

    @BeforeAll
    void setUp() {
        admin = staff.admin();
        sellerId = staff.add("selma", Role.SELLER);
        otherId = staff.add("otto", Role.SELLER);
        seller = staff.login("selma");
        other = staff.login("otto");
        staff.add("mona", Role.MANAGER);
        manager = staff.login("mona");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Linjer AS\",\"status\":\"CUSTOMER\"}").body(), "id");
    }

    String sale(String company, String extra) {
        var r = seller.post("/api/v1/sales", "{\"companyId\":" + company + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    HttpResponse<String> addLine(String sale, String json) {
        return seller.post("/api/v1/sales/" + sale + "/lines", json);
    }

    HttpResponse<String> delete(ApiClient client, String path, String ifMatch) {
        var b = client.request(path).DELETE();
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return client.send(b.build());
    }

    static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void linesAreSummedPerVatRateOnTheSumOfTheirNets() {
        String sale = sale(companyId, ",\"stage\":\"ORDERED\"");
        assertThat(addLine(sale, "{\"description\":\"Banner\",\"quantity\":1.5,\"unit\":\"DAY\",\"unitPrice\":12345}").statusCode())
                .isEqualTo(201);
        addLine(sale, "{\"description\":\"Avis\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":5000,\"vatCategory\":\"Z\"}");
        addLine(sale, "{\"description\":\"Kaffe\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":333,\"vatPercent\":15}");
        var last = addLine(sale, "{\"description\":\"Rabattert\",\"quantity\":3,\"unit\":\"HOUR\",\"unitPrice\":999,\"discountPercent\":10}");
        assertThat(last.statusCode()).as(last.body()).isEqualTo(201);
        assertThat(last.headers().firstValue("Location").orElseThrow()).matches("/api/v1/sales/" + sale + "/lines/\\d+");

        var lines = seller.get("/api/v1/sales/" + sale + "/lines");
        var doc = Json.object(lines.body());
        assertThat(Json.list(doc.get("lines"))).extracting(l -> Json.number(l.get("net"))).containsExactly(18518L, 5000L, 333L, 2697L);
        var totals = Json.map(doc.get("totals"));
        assertThat(Json.list(totals.get("perRate"))).extracting(r -> r.get("category") + "/" + r.get("percent") + "/"
                + r.get("taxable") + "/" + r.get("vat")).containsExactly("S/25/21215/5304", "S/15/333/50", "Z/0/5000/0");
        assertThat(Json.number(totals.get("net"))).isEqualTo(26548);
        assertThat(Json.number(totals.get("vat"))).isEqualTo(5354);
        assertThat(Json.number(totals.get("gross"))).isEqualTo(31902);
        assertThat(etag(lines)).isEqualTo("\"4\"").as("every line raised the sale's version");
        assertThat(seller.get("/api/v1/audit/records/sale/" + sale).body()).contains("line-added", "Rabattert");
    }

    @Test
    void changingOrRemovingALineNeedsTheSalesETag() {
        String sale = sale(companyId, "");
        var added = addLine(sale, "{\"description\":\"Annonse\",\"quantity\":2,\"unit\":\"PIECE\",\"unitPrice\":10000}");
        String lineId = String.valueOf(Json.number(Json.list(Json.object(added.body()).get("lines")).get(0).get("id")));
        String path = "/api/v1/sales/" + sale + "/lines/" + lineId;
        String body = "{\"description\":\"Annonse, større\",\"quantity\":3,\"unit\":\"PIECE\",\"unitPrice\":10000}";
        assertThat(seller.put(path, body, null).statusCode()).isEqualTo(428);
        assertThat(seller.put(path, body, "\"0\"").statusCode()).isEqualTo(412);
        var changed = seller.put(path, body, etag(added));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"net\":30000", "Annonse, større");
        assertThat(delete(seller, path, etag(added)).statusCode()).as("the old ETag is stale now").isEqualTo(412);
        assertThat(delete(seller, path, null).statusCode()).isEqualTo(428);
        var removed = delete(seller, path, etag(changed));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Json.list(Json.object(removed.body()).get("lines"))).isEmpty();
        assertThat(delete(seller, path, etag(removed)).statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/audit/records/sale/" + sale).body()).contains("line-changed", "line-removed");
    }

    @Test
    void badLinesAreRefusedNamingEveryField() {
        String sale = sale(companyId, "");
        var all = addLine(sale, "{\"description\":\" \",\"quantity\":0.0001,\"unitPrice\":-1,\"discountPercent\":100.5,\"vatPercent\":24}");
        assertThat(all.statusCode()).isEqualTo(400);
        assertThat(all.body()).contains("\"field\":\"description\"", "\"field\":\"quantity\"", "\"field\":\"unit\"",
                "\"field\":\"unitPrice\"", "\"field\":\"discountPercent\"", "line.vat-rate-unknown");
        assertThat(addLine(sale, "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1,\"vatCategory\":\"E\"}").body())
                .contains("\"field\":\"exemptionReason\"");
        assertThat(addLine(sale, "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1,\"vatCategory\":\"Z\",\"vatPercent\":25}")
                .body()).contains("line.vat-rate-not-zero");
        assertThat(addLine(sale, "{\"description\":\"x\",\"quantity\":\"mye\",\"unit\":\"PIECE\",\"unitPrice\":1}").statusCode()).isEqualTo(400);
        assertThat(addLine(sale, "{\"description\":\"x\",\"quantity\":1,\"unit\":\"LITRE\",\"unitPrice\":1}").statusCode()).isEqualTo(400);
        assertThat(addLine(sale, "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1e30}").statusCode()).isEqualTo(400);
        assertThat(addLine(sale, "{\"description\":\"x\",\"quantity\":1e400,\"unit\":\"PIECE\",\"unitPrice\":1}").statusCode()).isEqualTo(400);
        assertThat(addLine(sale, "{\"description\":\"" + "x".repeat(501) + "\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1}")
                .statusCode()).isEqualTo(400);
        assertThat(addLine(sale, "{\"placementId\":999999,\"quantity\":1}").body()).contains("line.placement-unknown");
        assertThat(addLine(sale, "{\"description\":").statusCode()).isEqualTo(400);
        assertThat(seller.post("/api/v1/sales/999999/lines", "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1}")
                .statusCode()).isEqualTo(404);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale_line WHERE sale_id = ?", Long.parseLong(sale))).isZero();
    }

    @Test
    void aPlacementLineTakesTheNameUnitAndPriceOfToday() {
        String placement = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Helside\",\"unit\":\"WEEK\"}").body(), "id");
        String sale = sale(companyId, "");
        assertThat(addLine(sale, "{\"placementId\":" + placement + ",\"quantity\":2}").body()).contains("line.placement-unpriced");
        var today = BusinessDays.dayOf(java.time.Instant.now());
        assertThat(admin.post("/api/v1/placements/" + placement + "/prices", "{\"validFrom\":\"" + today.minusYears(1)
                + "\",\"validTo\":\"" + today.minusDays(1) + "\",\"unitPrice\":400000}").statusCode()).isEqualTo(201);
        assertThat(admin.post("/api/v1/placements/" + placement + "/prices", "{\"validFrom\":\"" + today
                + "\",\"unitPrice\":500000}").statusCode()).isEqualTo(201);
        var line = addLine(sale, "{\"placementId\":" + placement + ",\"quantity\":2}");
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        assertThat(line.body()).contains("\"description\":\"Helside\"", "\"unit\":\"WEEK\"", "\"unitPrice\":500000", "\"net\":1000000");
    }

    @Test
    void placementPricesNeverOverlapAndOnlyAnAdminSetsThem() {
        String placement = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Prisbanner\",\"unit\":\"DAY\"}").body(), "id");
        String path = "/api/v1/placements/" + placement + "/prices";
        var first = admin.post(path, "{\"validFrom\":\"2027-01-01\",\"validTo\":\"2027-06-30\",\"unitPrice\":100000}");
        assertThat(first.statusCode()).isEqualTo(201);
        var clash = admin.post(path, "{\"validFrom\":\"2027-06-30\",\"unitPrice\":120000}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("price.overlap", "\"priceId\":" + ApiClient.field(first.body(), "id"));
        assertThat(admin.post(path, "{\"validFrom\":\"2027-07-01\",\"unitPrice\":120000}").statusCode()).isEqualTo(201);
        assertThat(admin.post(path, "{\"validFrom\":\"2026-01-01\",\"validTo\":\"2025-01-01\",\"unitPrice\":1}").body())
                .contains("\"field\":\"validTo\"");
        assertThat(admin.post(path, "{\"validFrom\":\"2020-01-01\",\"validTo\":\"2020-01-02\",\"unitPrice\":-5}").body())
                .contains("\"field\":\"unitPrice\"");
        assertThat(admin.post(path, "{\"unitPrice\":5}").statusCode()).isEqualTo(400);
        assertThat(seller.post(path, "{\"validFrom\":\"2030-01-01\",\"unitPrice\":1}").statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/v1/placements/999999/prices", "{\"validFrom\":\"2030-01-01\",\"unitPrice\":1}").statusCode())
                .isEqualTo(404);
        var list = seller.get(path);
        assertThat(list.body()).containsSubsequence("\"validFrom\":\"2027-01-01\"", "\"validFrom\":\"2027-07-01\",\"validTo\":null");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM placement_price WHERE placement_id = ?", Long.parseLong(placement)))
                .isEqualTo(2);
    }

    @Test
    void anAdminChangesAPlacementWithItsETagAndOneOffSaleTakesNoBookings() {
        String placement = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Endres\",\"unit\":\"DAY\"}").body(), "id");
        String path = "/api/v1/placements/" + placement;
        String body = "{\"name\":\"Endret\",\"unit\":\"WEEK\",\"channel\":\"Nett\",\"active\":false}";
        assertThat(admin.put(path, body, null).statusCode()).isEqualTo(428);
        assertThat(seller.put(path, body, "\"0\"").statusCode()).isEqualTo(403);
        var changed = admin.put(path, body, etag(seller.get(path)));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"name\":\"Endret\"", "\"active\":false", "\"unit\":\"WEEK\"");
        assertThat(admin.put(path, body, "\"0\"").statusCode()).isEqualTo(412);
        assertThat(admin.put(path, "{\"name\":\"\",\"unit\":\"WEEK\",\"active\":true}", etag(changed)).statusCode()).isEqualTo(400);
        String sale = sale(companyId, ",\"stage\":\"ORDERED\"");
        assertThat(seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement
                + ",\"firstDay\":\"2028-01-01\",\"lastDay\":\"2028-01-02\"}").body()).contains("placement.inactive");
        assertThat(seller.get("/api/v1/audit/records/placement/" + placement).body()).contains("\"after\":\"Endret\"");
    }

    @Test
    void aClosedOrInvoicedSaleNoLongerChanges() {
        String lost = sale(companyId, "");
        seller.post("/api/v1/sales/" + lost + "/stage", "{\"stage\":\"LOST\",\"reason\":\"Valgte konkurrent\"}");
        assertThat(addLine(lost, "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1}").body()).contains("sale.closed");
        assertThat(seller.get("/api/v1/sales/" + lost).body()).contains("\"stageReason\":\"Valgte konkurrent\"");

        String invoiced = sale(companyId, ",\"stage\":\"ORDERED\"");
        var added = addLine(invoiced, "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1}");
        assertThat(manager.post("/api/v1/invoices", "{\"saleIds\":[" + invoiced + "]}").statusCode()).isEqualTo(201);
        assertThat(addLine(invoiced, "{\"description\":\"y\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1}").body()).contains("sale.on-invoice");
        String current = etag(seller.get("/api/v1/sales/" + invoiced)); // putting it on the draft changed the sale
        assertThat(seller.put("/api/v1/sales/" + invoiced, "{\"barter\":true}", current).body()).contains("sale.on-invoice");
        var lineId = Json.number(Json.list(Json.object(added.body()).get("lines")).get(0).get("id"));
        assertThat(delete(seller, "/api/v1/sales/" + invoiced + "/lines/" + lineId, current).statusCode()).isEqualTo(409);
    }

    @Test
    void theHeaderChangesWithIfMatchAndBarterIsAFlagWithLinesAndVat() {
        String sale = sale(companyId, ",\"barter\":true,\"description\":\"Bytte mot kaffe\"");
        var got = seller.get("/api/v1/sales/" + sale);
        assertThat(got.body()).contains("\"barter\":true");
        var line = addLine(sale, "{\"description\":\"Annonse mot varer\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":80000}");
        assertThat(line.body()).contains("\"vat\":20000");
        String path = "/api/v1/sales/" + sale;
        assertThat(seller.put(path, "{\"barter\":false}", etag(got)).statusCode()).as("stale after the line").isEqualTo(412);
        var changed = seller.put(path, "{\"barter\":false,\"responsibleSellerId\":" + otherId + ",\"description\":\"Vanlig\"}", etag(line));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"barter\":false", "\"responsibleSellerId\":" + otherId, "\"description\":\"Vanlig\"");
        assertThat(seller.put(path, "{\"barter\":false,\"responsibleSellerId\":999999}", etag(changed)).body())
                .contains("\"field\":\"responsibleSellerId\"");
        assertThat(seller.put(path, "{\"responsibleSellerId\":1}", etag(changed)).statusCode()).as("barter is required").isEqualTo(400);
        assertThat(seller.get("/api/v1/audit/records/sale/" + sale).body()).contains("\"after\":\"Vanlig\"");
    }

    @Test
    void salesAreListedNewestFirstWithFiltersAndPages() {
        String company = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Liste AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String lead = sale(company, "");
        String ordered = sale(company, ",\"stage\":\"ORDERED\",\"responsibleSellerId\":" + otherId);
        String billed = sale(company, ",\"stage\":\"ORDERED\"");
        addLine(billed, "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1}");
        assertThat(manager.post("/api/v1/invoices", "{\"saleIds\":[" + billed + "]}").statusCode()).isEqualTo(201);
        String base = "/api/v1/sales?companyId=" + company;
        assertThat(ids(seller.get(base))).containsExactly(billed, ordered, lead);
        assertThat(ids(seller.get(base + "&stage=LEAD"))).containsExactly(lead);
        assertThat(ids(seller.get(base + "&sellerId=" + otherId))).containsExactly(ordered);
        assertThat(ids(seller.get(base + "&uninvoiced=true"))).containsExactly(ordered, lead);
        var today = BusinessDays.dayOf(java.time.Instant.now());
        assertThat(ids(seller.get(base + "&from=" + today + "&to=" + today))).hasSize(3);
        assertThat(ids(seller.get(base + "&from=" + today.plusDays(1)))).isEmpty();
        assertThat(ids(seller.get(base + "&to=" + today.minusDays(1)))).isEmpty();
        assertThat(ids(seller.get("/api/v1/companies/" + company + "/sales?stage=ORDERED"))).containsExactly(billed, ordered);

        var first = seller.get(base + "&limit=2");
        assertThat(ids(first)).containsExactly(billed, ordered);
        String cursor = ApiClient.field(first.body(), "nextCursor");
        var second = seller.get(base + "&limit=2&cursor=" + cursor);
        assertThat(ids(second)).containsExactly(lead);
        assertThat(ApiClient.field(second.body(), "nextCursor")).isNull();

        assertThat(seller.get(base + "&cursor=bm9uc2Vuc2U").statusCode()).isEqualTo(400);
        assertThat(seller.get(base + "&stage=SOLD").statusCode()).isEqualTo(400);
        assertThat(seller.get(base + "&from=2027-01-02&to=2027-01-01").body()).contains("\"field\":\"to\"");
        assertThat(seller.get(base + "&from=igår").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/companies/999999/sales").statusCode()).isEqualTo(404);
    }

    static List<String> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.list(Json.object(r.body()).get("items")).stream().map(s -> String.valueOf(Json.number(s.get("id")))).toList();
    }

    @Test
    void hoursBecomeLinesAndGoWithTheirEntry() {
        String sale = sale(companyId, ",\"stage\":\"ORDERED\"");
        var today = BusinessDays.dayOf(java.time.Instant.now());
        var entry = seller.post("/api/v1/time-entries", "{\"saleId\":" + sale + ",\"workDate\":\"" + today.minusDays(1)
                + "\",\"hours\":7.5,\"description\":\"Workshop\",\"hourlyRate\":120000}");
        assertThat(entry.statusCode()).as(entry.body()).isEqualTo(201);
        String entryId = ApiClient.field(entry.body(), "id");
        String lineId = ApiClient.field(entry.body(), "lineId");
        var view = seller.get("/api/v1/sales/" + sale);
        assertThat(view.body()).contains("\"unit\":\"HOUR\"", "\"quantity\":7.5", "\"net\":900000", ": Workshop");

        assertThat(seller.get("/api/v1/time-entries?saleId=" + sale).body()).contains("\"id\":" + entryId, "\"staffUserId\":" + sellerId);
        assertThat(seller.get("/api/v1/time-entries?userId=" + sellerId + "&from=" + today + "&saleId=" + sale).body())
                .contains("\"items\":[]");
        assertThat(delete(seller, "/api/v1/sales/" + sale + "/lines/" + lineId, etag(view)).body()).contains("line.has-time-entry");

        var bad = seller.post("/api/v1/time-entries", "{\"saleId\":" + sale + ",\"workDate\":\"" + today.plusDays(1)
                + "\",\"hours\":25,\"description\":\"\",\"hourlyRate\":120000}");
        assertThat(bad.body()).contains("\"field\":\"workDate\"", "\"field\":\"hours\"", "\"field\":\"description\"");
        assertThat(seller.post("/api/v1/time-entries", "{\"saleId\":" + sale + ",\"workDate\":\"" + today
                + "\",\"hours\":1,\"description\":\"x\"}").statusCode()).as("the rate is required").isEqualTo(400);
        assertThat(seller.post("/api/v1/time-entries", "{\"saleId\":999999,\"workDate\":\"" + today
                + "\",\"hours\":1,\"description\":\"x\",\"hourlyRate\":1}").statusCode()).isEqualTo(404);

        assertThat(delete(other, "/api/v1/time-entries/" + entryId, null).statusCode()).as("not the author").isEqualTo(403);
        assertThat(delete(seller, "/api/v1/time-entries/" + entryId, null).statusCode()).isEqualTo(204);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale_line WHERE id = ?", Long.parseLong(lineId))).isZero();
        assertThat(delete(seller, "/api/v1/time-entries/" + entryId, null).statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/audit/records/time-entry/" + entryId).body()).contains("removed");
    }

    @Test
    void tenConcurrentLineAddsAllLandInTurn() throws Exception {
        String sale = sale(companyId, "");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return addLine(sale, "{\"description\":\"Linje " + n + "\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":100}")
                        .statusCode();
            }));
        }
        start.countDown();
        for (var f : results) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();
        var view = seller.get("/api/v1/sales/" + sale);
        assertThat(etag(view)).isEqualTo("\"10\"");
        assertThat(view.body()).contains("\"net\":1000,\"vat\":250,\"gross\":1250");
    }

    @Test
    void aSalesBookingsAreListed() {
        String sale = sale(companyId, ",\"stage\":\"ORDERED\"");
        String placement = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Bookingliste\",\"unit\":\"DAY\"}").body(), "id");
        var day = LocalDate.of(2029, 3, 1);
        seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement + ",\"firstDay\":\"" + day.plusDays(7)
                + "\",\"lastDay\":\"" + day.plusDays(8) + "\"}");
        seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement + ",\"firstDay\":\"" + day
                + "\",\"lastDay\":\"" + day.plusDays(1) + "\"}");
        var list = seller.get("/api/v1/sales/" + sale + "/bookings");
        assertThat(list.body()).containsSubsequence("\"firstDay\":\"2029-03-01\"", "\"firstDay\":\"2029-03-08\"");
        assertThat(seller.get("/api/v1/sales/999999/bookings").statusCode()).isEqualTo(404);
    }
}
