package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * Money on one invoice from two requests at once: two payments, or a payment and a credit
 * note. Whatever the interleaving, both are kept and the invoice's paid, credited, status
 * and balance agree with the payment and credit-note rows (the invoice's row lock orders them).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentRaceApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient otherManager;
    ApiClient seller;
    String companyId;

    @BeforeAll
    void setUp() {
        staff.add("mona", Role.MANAGER);
        staff.add("magne", Role.MANAGER);
        staff.add("selma", Role.SELLER);
        manager = staff.login("mona");
        otherManager = staff.login("magne");
        seller = staff.login("selma");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Kappløp AS\",\"status\":\"CUSTOMER\"}").body(), "id");
    }

    /** Both at once, behind a barrier; their answers in order. */
    static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>> first, Callable<HttpResponse<String>> second)
            throws Exception {
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                barrier.await();
                return first.call();
            });
            var b = pool.submit(() -> {
                barrier.await();
                return second.call();
            });
            return List.of(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    long paidInRows(String invoiceId) {
        return Db.count(dataSource, "SELECT coalesce(sum(amount), 0) FROM payment WHERE invoice_id = ?", Long.parseLong(invoiceId));
    }

    long creditedInRows(String invoiceId) {
        return Db.count(dataSource, "SELECT count(*) FROM invoice WHERE credited_invoice_id = ? AND status <> 'DRAFT'",
                Long.parseLong(invoiceId));
    }

    @RepeatedTest(3)
    void twoPaymentsAtOnceAreBothKeptAndTogetherPayTheInvoice() throws Exception {
        String id = ApiInvoices.issued(seller, manager, companyId)[0];
        var answers = atOnce(() -> manager.post("/api/v1/invoices/" + id + "/payments", "{\"amount\":50000,\"paidOn\":\"2026-11-20\"}"),
                () -> otherManager.post("/api/v1/invoices/" + id + "/payments", "{\"amount\":75000,\"paidOn\":\"2026-11-20\"}"));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        var invoice = Json.object(manager.get("/api/v1/invoices/" + id).body());
        assertThat(Json.number(invoice.get("paid"))).as("neither payment lost").isEqualTo(125000).isEqualTo(paidInRows(id));
        assertThat(invoice.get("status")).isEqualTo("PAID");
        assertThat(Json.number(invoice.get("due"))).isZero();
    }

    @RepeatedTest(3)
    void aPaymentAndAWholeCreditNoteAtOnceLeaveTheInvoiceCreditedWithThePaymentOwedBack() throws Exception {
        String id = ApiInvoices.issued(seller, manager, companyId)[0];
        var answers = atOnce(() -> manager.post("/api/v1/invoices/" + id + "/payments", "{\"amount\":50000,\"paidOn\":\"2026-11-20\"}"),
                () -> otherManager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Feil kunde\"}"));

        assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(201);
        assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(201);
        var invoice = Json.object(manager.get("/api/v1/invoices/" + id).body());
        assertThat(invoice.get("status")).isEqualTo("CREDITED");
        assertThat(Json.number(invoice.get("paid"))).isEqualTo(50000).isEqualTo(paidInRows(id));
        assertThat(Json.number(invoice.get("credited"))).isEqualTo(125000);
        assertThat(creditedInRows(id)).as("one credit note").isEqualTo(1);
        assertThat(Json.number(invoice.get("due"))).isZero();
        assertThat(Json.number(invoice.get("overpaid"))).as("the payment is owed back").isEqualTo(50000);
    }

    @RepeatedTest(3)
    void twoWholeCreditNotesAtOnceMakeOneAndRefuseTheOther() throws Exception {
        String id = ApiInvoices.issued(seller, manager, companyId)[0];
        var answers = atOnce(() -> manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Feil\"}"),
                () -> otherManager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Feil\"}"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).singleElement()
                .satisfies(r -> assertThat(ApiClient.field(r.body(), "code")).isEqualTo("invoice.already-credited"));
        assertThat(creditedInRows(id)).isEqualTo(1);
        assertThat(Json.number(Json.object(manager.get("/api/v1/invoices/" + id).body()).get("credited"))).isEqualTo(125000);
    }
}
