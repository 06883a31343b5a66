package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * The books cannot be bent: a sale on an invoice, draft or issued, keeps its stage,
 * its lines and its bookings, and a sale cancelled at the same moment as it is
 * invoiced is either cancelled or invoiced — never an invoiced cancelled sale.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleOnInvoiceApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient seller;
    String companyId;
    String placementId;
    final AtomicInteger day = new AtomicInteger();

    @BeforeAll
    void setUp() {
        staff.add("marte", Role.MANAGER);
        staff.add("sverre", Role.SELLER);
        manager = staff.login("marte");
        seller = staff.login("sverre");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Fakturert AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        var placement = staff.admin().post("/api/v1/placements", "{\"name\":\"Helside bak\",\"unit\":\"DAY\",\"channel\":\"Papir\"}");
        assertThat(placement.statusCode()).as(placement.body()).isEqualTo(201);
        placementId = ApiClient.field(placement.body(), "id");
    }

    /** An ordered sale with one line and a reserved booking of a day of its own. */
    String orderedSale() {
        var r = seller.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String sale = ApiClient.field(r.body(), "id");
        assertThat(addLine(sale).statusCode()).isEqualTo(201);
        assertThat(book(sale).statusCode()).isEqualTo(201);
        return sale;
    }

    HttpResponse<String> addLine(String sale) {
        return seller.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Annonse\",\"quantity\":1,\"unit\":\"PIECE\","
                + "\"unitPrice\":250000}");
    }

    HttpResponse<String> book(String sale) {
        String d = BusinessDays.dayOf(java.time.Instant.now()).plusDays(30 + day.incrementAndGet()).toString();
        return seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placementId + ",\"firstDay\":\"" + d
                + "\",\"lastDay\":\"" + d + "\"}");
    }

    String bookingOf(String sale) {
        return Db.text(dataSource, "SELECT id::text FROM booking WHERE sale_id = ? ORDER BY id LIMIT 1", Long.parseLong(sale));
    }

    HttpResponse<String> cancel(String sale) {
        return seller.post("/api/v1/sales/" + sale + "/stage", "{\"stage\":\"CANCELLED\",\"reason\":\"Kunden angret\"}");
    }

    HttpResponse<String> draft(String sale) {
        return manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}");
    }

    static void onInvoice(HttpResponse<String> r, String invoice) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ApiClient.field(r.body(), "code")).isEqualTo("sale.on-invoice");
        assertThat(r.body()).contains("invoice " + invoice, "\"invoiceId\":" + invoice);
    }

    @Test
    void aSaleOnADraftOrIssuedInvoiceChangesNeitherStageNorLinesNorBookings() {
        String sale = orderedSale();
        String booking = bookingOf(sale);
        var drafted = draft(sale);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String invoice = ApiClient.field(drafted.body(), "id");
        long lines = Db.count(dataSource, "SELECT count(*) FROM sale_line WHERE sale_id = ?", Long.parseLong(sale));
        String today = BusinessDays.dayOf(java.time.Instant.now()).toString();

        onInvoice(cancel(sale), invoice);
        onInvoice(seller.post("/api/v1/sales/" + sale + "/stage", "{\"stage\":\"LOST\",\"reason\":\"Tapt\"}"), invoice);
        onInvoice(addLine(sale), invoice);
        onInvoice(seller.post("/api/v1/time-entries", "{\"saleId\":" + sale + ",\"workDate\":\"" + today
                + "\",\"hours\":1,\"description\":\"Montering\",\"hourlyRate\":90000}"), invoice);
        onInvoice(book(sale), invoice);
        onInvoice(seller.post("/api/v1/bookings/" + booking + "/cancel", ""), invoice);
        assertThat(Db.text(dataSource, "SELECT stage FROM sale WHERE id = ?", Long.parseLong(sale))).isEqualTo("ORDERED");
        assertThat(Db.text(dataSource, "SELECT status FROM booking WHERE id = ?", Long.parseLong(booking))).isEqualTo("RESERVED");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM booking WHERE sale_id = ?", Long.parseLong(sale))).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale_line WHERE sale_id = ?", Long.parseLong(sale))).isEqualTo(lines);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM time_entry WHERE sale_id = ?", Long.parseLong(sale))).isZero();
        var confirmed = seller.post("/api/v1/bookings/" + booking + "/confirm", "");
        assertThat(confirmed.statusCode()).as("confirming takes nothing away from what is billed: " + confirmed.body()).isEqualTo(200);

        var issued = manager.post("/api/v1/invoices/" + invoice + "/issue", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        onInvoice(seller.post("/api/v1/bookings/" + booking + "/cancel", ""), invoice);
        onInvoice(cancel(sale), invoice);
        assertThat(Db.text(dataSource, "SELECT status FROM booking WHERE id = ?", Long.parseLong(booking))).isEqualTo("CONFIRMED");
        assertThat(Db.text(dataSource, "SELECT stage FROM sale WHERE id = ?", Long.parseLong(sale))).isEqualTo("INVOICED");
    }

    @Test
    void aSaleCancelledWhileItIsInvoicedIsEitherCancelledOrInvoicedNeverBoth() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        int invoicedRounds = 0;
        int cancelledRounds = 0;
        try {
            for (int round = 0; round < 8; round++) {
                String sale = orderedSale();
                var start = new CountDownLatch(1);
                Future<Integer> cancelling = pool.submit(() -> {
                    start.await();
                    return cancel(sale).statusCode();
                });
                Future<Integer> invoicing = pool.submit(() -> {
                    start.await();
                    var drafted = draft(sale);
                    if (drafted.statusCode() != 201) {
                        return drafted.statusCode();
                    }
                    return manager.post("/api/v1/invoices/" + ApiClient.field(drafted.body(), "id") + "/issue", "").statusCode();
                });
                start.countDown();
                int cancelled = cancelling.get();
                int invoiced = invoicing.get();
                long id = Long.parseLong(sale);
                String stage = Db.text(dataSource, "SELECT stage FROM sale WHERE id = ?", id);
                long billed = Db.count(dataSource, "SELECT count(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                        + "WHERE l.sale_id = ? AND i.number IS NOT NULL", id);
                long activeBookings = Db.count(dataSource, "SELECT count(*) FROM booking WHERE sale_id = ? AND status <> 'CANCELLED'", id);
                if (billed > 0) {
                    invoicedRounds++;
                    assertThat(stage).as("round %d: cancel %d, invoice %d", round, cancelled, invoiced).isEqualTo("INVOICED");
                    assertThat(activeBookings).as("an invoiced sale keeps the days it bills").isEqualTo(1);
                    assertThat(cancelled).isEqualTo(409);
                } else {
                    cancelledRounds++;
                    assertThat(stage).as("round %d: cancel %d, invoice %d", round, cancelled, invoiced).isEqualTo("CANCELLED");
                    assertThat(activeBookings).isZero();
                    assertThat(Db.count(dataSource, "SELECT count(*) FROM sale WHERE id = ? AND invoice_id IS NOT NULL", id)).isZero();
                }
                assertThat(Db.count(dataSource, "SELECT count(*) FROM sale_stage_change WHERE sale_id = ? AND to_stage = 'CANCELLED'", id)
                        + Db.count(dataSource, "SELECT count(*) FROM sale_stage_change WHERE sale_id = ? AND to_stage = 'INVOICED'", id))
                        .as("round %d: the sale went one way only", round).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(invoicedRounds + cancelledRounds).isEqualTo(8);
    }
}
