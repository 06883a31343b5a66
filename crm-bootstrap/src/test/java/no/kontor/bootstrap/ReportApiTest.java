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
}
