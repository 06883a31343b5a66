package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * The VAT report on real PostgreSQL, from invoices made through the API: two invoices of
 * 1 000.00 + 25 % and a whole credit note of one leave 1 000.00 taxable and 250.00 VAT.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    ApiClient manager;
    ApiClient seller;
    String today;

    @BeforeAll
    void setUp() {
        staff.add("mona", Role.MANAGER);
        staff.add("selma", Role.SELLER);
        staff.add("ada", Role.ADMIN);
        manager = staff.login("mona");
        seller = staff.login("selma");
        String company = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Rapport AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        ApiInvoices.issued(seller, manager, company);
        String credited = ApiInvoices.issued(seller, manager, company)[0];
        assertThat(manager.post("/api/v1/invoices/" + credited + "/credit-notes", "{\"reason\":\"Feil\"}").statusCode()).isEqualTo(201);
        ApiInvoices.draft(seller, manager, company); // a draft is in no report
        today = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();
    }

    @Test
    void theVatReportOfTodayCountsTwoInvoicesLessOneCreditNote() {
        var answer = manager.get("/api/v1/reports/vat?from=" + today + "&to=" + today);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var report = Json.object(answer.body());
        assertThat(Json.number(report.get("net"))).isEqualTo(100000);
        assertThat(Json.number(report.get("vat"))).isEqualTo(25000);
        assertThat(Json.number(report.get("invoices"))).isEqualTo(2);
        assertThat(Json.number(report.get("creditNotes"))).isEqualTo(1);
        assertThat(Json.list(report.get("rates"))).singleElement().satisfies(rate -> {
            assertThat(rate.get("category")).isEqualTo("S");
            assertThat(Json.number(rate.get("taxable"))).isEqualTo(100000);
        });
    }

    @Test
    void yesterdayHasNothingAndASellerReadsTheSameFigures() {
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        assertThat(Json.number(Json.object(manager.get("/api/v1/reports/vat?from=" + yesterday + "&to=" + yesterday).body()).get("net")))
                .isZero();
        assertThat(Json.number(Json.object(seller.get("/api/v1/reports/vat?from=" + today + "&to=" + today).body()).get("vat")))
                .isEqualTo(25000);
    }

    @Test
    void twentyDaysOnTheUncreditedInvoiceIsSixDaysOverdueAndTheCreditedOneIsNot() {
        String asOf = LocalDate.parse(today).plusDays(20).toString();
        var answer = manager.get("/api/v1/reports/overdue?asOf=" + asOf);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var list = Json.object(answer.body());
        assertThat(Json.list(list.get("items"))).singleElement().satisfies(item -> {
            assertThat(Json.number(item.get("daysOverdue"))).isEqualTo(6);
            assertThat(item.get("band")).isEqualTo("DAYS_0_14");
            assertThat(Json.number(item.get("due"))).isEqualTo(125000);
            assertThat(item.get("buyerName")).isEqualTo("Rapport AS");
        });
        assertThat(Json.number(list.get("total"))).isEqualTo(125000);
        assertThat(Json.list(Json.object(manager.get("/api/v1/reports/overdue?asOf=" + today).body()).get("items")))
                .as("nothing is overdue yet").isEmpty();
    }

    @Test
    void todaysCreditNoteIsListedWithItsReason() {
        var answer = manager.get("/api/v1/reports/credit-notes?from=" + today + "&to=" + today);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var list = Json.object(answer.body());
        assertThat(Json.list(list.get("items"))).singleElement().satisfies(note -> {
            assertThat(note.get("reason")).isEqualTo("Feil");
            assertThat(Json.number(note.get("gross"))).isEqualTo(125000);
            assertThat(note.get("buyerName")).isEqualTo("Rapport AS");
        });
        assertThat(Json.number(list.get("total"))).isEqualTo(125000);
        assertThat(seller.get("/api/v1/reports/credit-notes?from=" + today + "&to=" + today).body()).contains("\"reason\":\"Feil\"");
        assertThat(seller.get("/api/v1/reports/overdue.csv").statusCode()).as("exports are for managers").isEqualTo(403);
        assertThat(manager.get("/api/v1/reports/credit-notes?from=" + today).statusCode()).isEqualTo(400);
    }

    @Test
    void aWeekBookedOfThirtyOneDaysIsOccupancySixteenPointOne() {
        var added = staff.login("ada").post("/api/v1/placements", "{\"name\":\"Rapportbanner\",\"unit\":\"DAY\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var placement = ApiClient.field(added.body(), "id");
        String company = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Belegg AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String sale = ApiClient.field(seller.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}").body(), "id");
        var booked = seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement
                + ",\"firstDay\":\"2031-02-27\",\"lastDay\":\"2031-03-05\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        var occupancy = Json.object(seller.get("/api/v1/reports/occupancy?from=2031-03-01&to=2031-03-31").body());
        assertThat(Json.list(occupancy.get("placements"))).filteredOn(p -> p.get("name").equals("Rapportbanner")).singleElement()
                .satisfies(p -> {
                    assertThat(Json.number(p.get("bookedDays"))).as("1–5 March").isEqualTo(5);
                    assertThat(Json.number(p.get("daysOnSale"))).isEqualTo(31);
                    assertThat(p.get("percent").toString()).isEqualTo("16.1");
                });
    }

    @Test
    void todaysSalesInAllAndTheSalesDataExportAgreeWithTheInvoices() {
        var total = Json.object(seller.get("/api/v1/reports/sales?from=" + today + "&to=" + today + "&grain=DAY").body()).get("total");
        var sums = (java.util.Map<?, ?>) total;
        assertThat(Json.number(sums.get("ordered"))).as("three sales of 1 000.00 ordered today").isEqualTo(300000);
        assertThat(Json.number(sums.get("invoiced"))).isEqualTo(200000);
        assertThat(Json.number(sums.get("credited"))).isEqualTo(100000);
        assertThat(Json.number(sums.get("netInvoiced"))).isEqualTo(100000);

        var csv = manager.get("/api/v1/reports/sales-data.csv?from=" + today + "&to=" + today);
        assertThat(csv.statusCode()).isEqualTo(200);
        var lines = csv.body().split("\r\n");
        assertThat(lines).filteredOn(l -> l.startsWith("INVOICE;")).hasSize(2).allSatisfy(l -> assertThat(l).contains(";Rapport AS;", ";1000,00;250,00;"));
    }

    @Test
    void freshnessCountsAContactLoggedThroughTheApiAtOnce() {
        String company = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Fersk AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        long before = upToThirty();
        var logged = seller.post("/api/v1/companies/" + company + "/activities",
                "{\"kind\":\"EMAIL\",\"direction\":\"OUTBOUND\",\"subject\":\"Tilbud\",\"campaign\":\"Vinter\"}");
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        assertThat(logged.body()).contains("\"campaign\":\"Vinter\"");
        assertThat(upToThirty()).as("the summary was kept in the activity's own transaction").isEqualTo(before + 1);
        assertThat(seller.get("/api/v1/kpis/mail-out?campaign=Vinter").body()).contains("\"reached\":1", "\"answered\":0");
    }

    private long upToThirty() {
        var freshness = Json.object(seller.get("/api/v1/kpis/freshness").body());
        return Json.number(((java.util.Map<?, ?>) freshness.get("all")).get("UP_TO_30"));
    }

    @Test
    void aPublishedDashboardReadsTheDatabaseWithoutALoginUntilRevoked() {
        var board = manager.post("/api/v1/dashboards", "{\"name\":\"Ledelse\",\"widgets\":[{\"kind\":\"FRESHNESS\"},"
                + "{\"kind\":\"SALES\",\"period\":\"TODAY\"},{\"kind\":\"GOALS\",\"period\":\"THIS_MONTH\"}]}");
        assertThat(board.statusCode()).as(board.body()).isEqualTo(201);
        String id = ApiClient.field(board.body(), "id");
        var published = manager.post("/api/v1/dashboards/" + id + "/links", "{}");
        String token = ApiClient.field(published.body(), "token");
        var anonymous = ApiClient.anonymous(server.getURI());
        var shared = anonymous.get("/api/v1/dashboards/shared/" + token);
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        assertThat(shared.body()).contains("\"name\":\"Ledelse\"", "\"invoiced\":200000");
        String linkId = published.body().replaceAll(".*\"link\":\\{\"id\":(\\d+).*", "$1");
        assertThat(manager.send(manager.request("/api/v1/dashboards/" + id + "/links/" + linkId).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(anonymous.get("/api/v1/dashboards/shared/" + token).statusCode()).isEqualTo(404);
        var trail = manager.get("/api/v1/audit/records/dashboard-link/" + linkId);
        assertThat(trail.body()).contains("created", "revoked");
    }

    @Test
    void siteStatisticsImportAndAreAudited() {
        var imported = manager.send(manager.request("/api/v1/site-statistics").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("date;channel;articles;page_views\n" + today + ";Nett;10;5000\n"))
                .build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String importId = ApiClient.field(imported.body(), "importId");
        assertThat(seller.get("/api/v1/reports/site-revenue?from=" + today + "&to=" + today).body()).contains("\"channel\":\"Nett\"",
                "\"articles\":10", "\"pageViews\":5000");
        assertThat(manager.get("/api/v1/audit/records/site-statistics-import/" + importId).body()).contains("created");
    }
}
