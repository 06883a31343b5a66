package no.kontor.adapters.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.domain.identity.Role;

/** The sales report, the new control lists and the exports over HTTP on canned ledger rows. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesReportControllerTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    ApiClient manager;
    ApiClient seller;

    @BeforeAll
    void setUp() {
        staff.user("sales-manager", Role.MANAGER);
        staff.user("sales-seller", Role.SELLER);
        manager = ApiClient.anonymous(server.getURI()).login("sales-manager", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("sales-seller", Staff.PASSWORD);
    }

    @Test
    void aSellerReadsTheSalesReportAndPaymentsOnlyShowInTotalAndPerCompany() {
        var total = seller.get("/api/v1/reports/sales?from=2020-02-01&to=2020-02-29");
        assertThat(total.statusCode()).as(total.body()).isEqualTo(200);
        assertThat(total.body()).contains("\"grain\":\"MONTH\"", "\"by\":\"TOTAL\"", "\"period\":\"2020-02-01\"", "\"invoiced\":100001",
                "\"paid\":500");
        assertThat(seller.get("/api/v1/reports/sales?from=2020-02-01&to=2020-02-29&grain=WEEK&by=SELLER").body())
                .contains("\"period\":\"2020-01-27\"", "\"label\":\"=Anna\"", "\"paid\":null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?from=2020-02-01&to=2020-02-29&grain=FORTNIGHT", "?from=2020-02-01&to=2020-02-29&by=MOOD",
        "?from=2020-02-01", "?from=2020-02-01&to=2021-03-01", "?from=2020-02-01&to=2020-02-29&grain=%00"})
    void badSalesParametersAreRefused(String query) {
        var answer = seller.get("/api/v1/reports/sales" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    }

    @Test
    void theControlListsShowPriceDeviationsAndUnmatchedPayments() {
        assertThat(seller.get("/api/v1/reports/price-deviations?from=2020-02-01&to=2020-02-29").body())
                .contains("\"invoiceNumber\":7", "\"listPrice\":120000", "\"agreedPrice\":null");
        assertThat(seller.get("/api/v1/reports/unmatched-payments").body()).contains("\"amount\":5000", "\"kid\":\"123\"");
        assertThat(seller.get("/api/v1/reports/price-deviations?to=2020-02-29").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales.csv?from=2020-02-01&to=2020-02-29", "sales-data.csv?from=2020-02-01&to=2020-02-29",
        "price-deviations.csv?from=2020-02-01&to=2020-02-29", "unmatched-payments.csv", "credit-notes.csv?from=2020-02-01&to=2020-02-29",
        "vat.csv?from=2020-02-01&to=2020-02-29", "uninvoiced-orders.csv", "occupancy.csv?from=2020-02-01&to=2020-02-29",
        "overdue.csv?asOf=2020-04-01"})
    void everyExportIsForManagersOnly(String path) {
        assertThat(seller.get("/api/v1/reports/" + path).statusCode()).isEqualTo(403);
        var answer = manager.get("/api/v1/reports/" + path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).startsWith("\ufeff");
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
    }

    @Test
    void theSalesDataStreamsEveryRowNeutralisingTextButNotNegativeAmounts() {
        var lines = manager.get("/api/v1/reports/sales-data.csv?from=2020-02-01&to=2020-02-29&dates=norwegian").body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("\ufeffKilde;Salg;Kundenummer;Kunde;");
        assertThat(lines[1]).isEqualTo("INVOICE;0;9;'-Kunde;Anna;Nord;;;;Linje 0;-1,00;-0,25;0;01.02.2020;ISSUED");
    }

    @Test
    void theSalesCsvNeutralisesALabelThatLooksLikeAFormula() {
        var body = manager.get("/api/v1/reports/sales.csv?from=2020-02-01&to=2020-02-29&by=SELLER&separator=comma&decimal=point").body();
        assertThat(body.split("\r\n")[1]).isEqualTo("2020-02-01,1,'=Anna,0.00,0.00,1000.01,0.00,1000.01,");
    }

    @Test
    void badFileOptionsAreRefusedBeforeAnyRow() {
        var answer = manager.get("/api/v1/reports/sales-data.csv?from=2020-02-01&to=2020-02-29&separator=tab");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("csv.separator-invalid");
    }
}
