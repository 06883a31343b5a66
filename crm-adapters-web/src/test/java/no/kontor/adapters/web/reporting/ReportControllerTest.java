package no.kontor.adapters.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/** The VAT report over HTTP on in-memory invoices: the figures, the role, and bad periods. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportControllerTest {
    static final LocalDate DAY = LocalDate.of(2020, 2, 29);

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;
    @Inject
    InMemoryInvoices invoices;
    @Inject
    no.kontor.application.testing.InMemorySales sales;
    @Inject
    no.kontor.application.testing.InMemoryInventory inventory;

    ApiClient manager;
    ApiClient seller;

    @BeforeAll
    void setUp() {
        staff.user("mona", Role.MANAGER);
        staff.user("sindre", Role.SELLER);
        manager = ApiClient.anonymous(server.getURI()).login("mona", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("sindre", Staff.PASSWORD);
        // 1 × 1 000.01 at 25 %: 100 001 taxable, VAT 25 000.25 → 25 000, on a day no other test of this context uses
        var line = new InvoiceLine(1, null, null, "Annonse", BigDecimal.ONE, "C62", 100001, BigDecimal.ZERO, TaxCategory.S,
                new BigDecimal("25"), null);
        var draft = invoices.add(Invoice.draft(new CompanyId(9), List.of(line), "Kari", null, "mona", Instant.now()));
        var sellerParty = new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), null, null, null, null, null,
                new BankAccountNumber("86011117947"), true, true);
        invoices.issue(draft.issue(new Invoice.Issue(900, DAY, DAY.plusDays(14), Kid.of(Kid.Algorithm.MOD10, 15, 7, 9, 900),
                sellerParty, new Buyer(9, "Kunde AS", null, null, null, null, null)), "mona", Instant.now()), "<Invoice/>", null);
        // a buyer whose name a spreadsheet would run as a formula, issued 15 January 2020, due 29 January
        var hostile = invoices.add(Invoice.draft(new CompanyId(10), List.of(line), "Kari", null, "mona", Instant.now()));
        var january = LocalDate.of(2020, 1, 15);
        invoices.issue(hostile.issue(new Invoice.Issue(901, january, january.plusDays(14), Kid.of(Kid.Algorithm.MOD10, 15, 7, 10, 901),
                sellerParty, new Buyer(10, "=HYPERLINK(\"http://x\")", null, null, null, null, null)), "mona", Instant.now()),
                "<Invoice/>", null);
    }

    HttpResponse<String> vat(ApiClient client, String query) {
        return client.get("/api/v1/reports/vat" + query);
    }

    @Test
    void aManagerReadsTheVatPerRateOfAPeriod() {
        var answer = vat(manager, "?from=2020-02-29&to=2020-02-29");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"taxable\":100001", "\"vat\":25000", "\"gross\":125001", "\"invoices\":1",
                "\"creditNotes\":0", "\"from\":\"2020-02-29\"");
        assertThat(vat(manager, "?from=2020-03-01&to=2020-03-31").body()).contains("\"rates\":[]", "\"net\":0");
    }

    @Test
    void aSellerReadsItToo() {
        var answer = vat(seller, "?from=2020-02-29&to=2020-02-29");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"vat\":25000");
    }

    @Test
    void aPeriodMustBeGivenInOrderAndAtMostAYear() {
        var missing = vat(manager, "?to=2020-02-29");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("report.from-missing");
        assertThat(vat(manager, "?from=2020-03-01&to=2020-02-01").body()).contains("report.period-invalid");
        assertThat(vat(manager, "?from=2020-01-01&to=2021-01-01").statusCode()).isEqualTo(400);
        assertThat(vat(manager, "?from=2020-02-30&to=2020-03-01").statusCode()).as("an impossible date").isEqualTo(400);
        assertThat(vat(manager, "?from=yesterday&to=2020-03-01").statusCode()).isEqualTo(400);
    }

    @Test
    void theOverdueListShowsTheInvoiceInItsBandToEveryMemberOfStaff() {
        var list = manager.get("/api/v1/reports/overdue?asOf=2020-04-01");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("\"number\":900", "\"daysOverdue\":18", "\"band\":\"DAYS_15_30\"", "\"due\":125001",
                "\"asOf\":\"2020-04-01\"");
        assertThat(seller.get("/api/v1/reports/overdue?asOf=2020-04-01").body()).as("sellers read every figure")
                .contains("\"number\":900");
        assertThat(manager.get("/api/v1/reports/overdue?asOf=not-a-day").statusCode()).isEqualTo(400);
    }

    String csv(String query) {
        var answer = manager.get("/api/v1/reports/overdue.csv" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"forfalte-fakturaer-2020-04-01.csv\"");
        return answer.body();
    }

    @Test
    void theOverdueListExportsAsCsvForANorwegianSpreadsheet() {
        var lines = csv("?asOf=2020-04-01").split("\r\n");
        assertThat(lines[0]).as("a byte-order mark, then the header").startsWith("\ufeffFakturanummer;Kunde;");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).as("the older first; the formula neutralised").isEqualTo(
                "901;\"'=HYPERLINK(\"\"http://x\"\")\";10;2020-01-29;63;OVER_60;1250,01;0;");
        assertThat(lines[2]).isEqualTo("900;Kunde AS;9;2020-03-14;18;DAYS_15_30;1250,01;0;");
    }

    @Test
    void theCsvTakesACommaAPointAndNorwegianDatesOnRequest() {
        var lines = csv("?asOf=2020-04-01&separator=comma&decimal=point&dates=norwegian").split("\r\n");
        assertThat(lines[2]).isEqualTo("900,Kunde AS,9,14.03.2020,18,DAYS_15_30,1250.01,0,");
    }

    @Test
    void onlyAManagerExportsTheList() {
        assertThat(seller.get("/api/v1/reports/overdue.csv?asOf=2020-04-01").statusCode()).isEqualTo(403);
    }

    @Test
    void badCsvOptionsAreRefusedNamingTheParameter() {
        var answer = manager.get("/api/v1/reports/overdue.csv?separator=tab");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("csv.separator-invalid");
        assertThat(manager.get("/api/v1/reports/overdue.csv?separator=comma&decimal=comma").body()).contains("csv.decimal-clashes");
        assertThat(manager.get("/api/v1/reports/overdue.csv?dates=american").statusCode()).isEqualTo(400);
        assertThat(manager.get("/api/v1/reports/overdue.csv?asOf=2020-13-01").statusCode()).isEqualTo(400);
    }

    @Test
    void theControlListsShowAnOldOrderOnNoInvoiceAndADayHeldForALostSale() {
        var longAgo = Instant.parse("2020-01-06T09:00:00Z");
        var order = sales.add(no.kontor.domain.sale.Sale.open(new CompanyId(9), null, no.kontor.domain.sale.SaleStage.ORDERED, false,
                "Vinterkampanje", "mona", longAgo));
        var lead = sales.add(no.kontor.domain.sale.Sale.open(new CompanyId(9), null, no.kontor.domain.sale.SaleStage.LEAD, false, null,
                "mona", longAgo));
        var lost = sales.changeStage(lead.moveTo(no.kontor.domain.sale.SaleStage.LOST, "nei", "mona", longAgo),
                no.kontor.domain.sale.SaleStage.LEAD, "nei");
        var placement = inventory.placements().add(new no.kontor.domain.inventory.Placement(null, "Sidebanner", null, null,
                no.kontor.domain.inventory.Placement.Unit.DAY, true, longAgo, longAgo, 0));
        var held = inventory.add(no.kontor.domain.inventory.Booking.reserve(placement.id(), lost.getId(), new no.kontor.domain.inventory.Period(
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 2)), "mona", longAgo));

        var orders = manager.get("/api/v1/reports/uninvoiced-orders?days=30");
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
        assertThat(orders.body()).contains("\"saleId\":" + order.getId().value(), "Vinterkampanje", "\"items\"", "\"nextCursor\"");
        assertThat(seller.get("/api/v1/reports/uninvoiced-orders").body()).as("sellers read every figure")
                .contains("\"saleId\":" + order.getId().value());
        assertThat(manager.get("/api/v1/reports/uninvoiced-orders?days=-1").statusCode()).isEqualTo(400);
        assertThat(manager.get("/api/v1/reports/uninvoiced-orders?days=many").statusCode()).isEqualTo(400);

        var stray = manager.get("/api/v1/reports/stray-bookings");
        assertThat(stray.statusCode()).as(stray.body()).isEqualTo(200);
        assertThat(stray.body()).contains("\"bookingId\":" + held.id().value(), "\"saleStage\":\"LOST\"", "Sidebanner");
        assertThat(seller.get("/api/v1/reports/stray-bookings").body()).contains("\"bookingId\":" + held.id().value());
    }

    @Test
    void occupancyIsForStaffAndTakesAProperPeriod() {
        var answer = seller.get("/api/v1/reports/occupancy?from=2031-03-01&to=2031-03-31");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"from\":\"2031-03-01\"", "\"placements\":[");
        assertThat(manager.get("/api/v1/reports/occupancy?from=2031-03-01").statusCode()).isEqualTo(400);
    }
}
