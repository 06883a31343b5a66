package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.BusinessDays;

/**
 * Lines are capped: an invoice holds at most {@code kontor.invoicing.max-lines}, a
 * sale at most {@code kontor.sales.max-lines}, however the lines arrive (typed or
 * from hours). Small caps here, so the test stays quick; the defaults are 500 and 1000.
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.invoicing.max-lines", value = "5")
@Property(name = "kontor.sales.max-lines", value = "4")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineCapApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient seller;
    String companyId;

    @BeforeAll
    void setUp() {
        staff.add("magne", Role.MANAGER);
        staff.add("siri", Role.SELLER);
        manager = staff.login("magne");
        seller = staff.login("siri");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Mange Linjer AS\",\"status\":\"CUSTOMER\"}").body(), "id");
    }

    String orderedSale(int lines) {
        var r = seller.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String sale = ApiClient.field(r.body(), "id");
        for (int i = 0; i < lines; i++) {
            var line = addLine(sale);
            assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        }
        return sale;
    }

    HttpResponse<String> addLine(String sale) {
        return seller.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Rubrikk\",\"quantity\":1,\"unit\":\"PIECE\","
                + "\"unitPrice\":10000}");
    }

    @Test
    void aDraftBeyondTheInvoiceLineCapIsA400NamingTheLimitAndNothingIsWritten() {
        String a = orderedSale(3);
        String b = orderedSale(3);
        long invoices = Db.count(dataSource, "SELECT count(*) FROM invoice");
        var refused = manager.post("/api/v1/invoices", "{\"saleIds\":[" + a + "," + b + "]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"saleIds\"", "\"code\":\"invoice.too-many-lines\"", "at most 5 lines");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM invoice")).isEqualTo(invoices);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale WHERE id IN (?, ?) AND invoice_id IS NULL", Long.parseLong(a),
                Long.parseLong(b))).isEqualTo(2);
        var one = manager.post("/api/v1/invoices", "{\"saleIds\":[" + a + "]}");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
    }

    @Test
    void aSaleTakesNoLineBeyondItsCapTypedOrFromHours() {
        String sale = orderedSale(4);
        var typed = addLine(sale);
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(409);
        assertThat(ApiClient.field(typed.body(), "code")).isEqualTo("sale.too-many-lines");
        String yesterday = BusinessDays.dayOf(java.time.Instant.now()).minusDays(1).toString();
        var hours = seller.post("/api/v1/time-entries", "{\"saleId\":" + sale + ",\"workDate\":\"" + yesterday
                + "\",\"hours\":2,\"description\":\"Layout\",\"hourlyRate\":90000}");
        assertThat(hours.statusCode()).as(hours.body()).isEqualTo(409);
        assertThat(ApiClient.field(hours.body(), "code")).isEqualTo("sale.too-many-lines");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale_line WHERE sale_id = ?", Long.parseLong(sale))).isEqualTo(4);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM time_entry WHERE sale_id = ?", Long.parseLong(sale))).isZero();
    }
}
