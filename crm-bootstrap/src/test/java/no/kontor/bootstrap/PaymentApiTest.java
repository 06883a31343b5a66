package no.kontor.bootstrap;

import static no.kontor.domain.payment.OcrFileWriter.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
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
import no.kontor.domain.payment.OcrFileWriter;

/**
 * From a sale to paid over HTTP: an issued invoice paid by the bank's OCR file (KID
 * matched, part payments, reversals, the unmatched list a manager assigns), the same
 * file or payment twice registering nothing twice, payments by hand, and bad input.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentApiTest implements UsesTestDatabase {
    static final LocalDate SETTLED = LocalDate.of(2026, 11, 20);

    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient seller;
    String companyId;
    int transmission = 100;

    @BeforeAll
    void setUp() {
        staff.add("mona", Role.MANAGER);
        staff.add("selma", Role.SELLER);
        manager = staff.login("mona");
        seller = staff.login("selma");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Betaler AS\",\"organisationNumber\":\"974761076\","
                + "\"status\":\"CUSTOMER\"}").body(), "id");
    }

    /** An issued invoice of 1 000.00 + 25 % VAT = 1 250.00; returns its id and KID. */
    String[] issuedInvoice() {
        return ApiInvoices.issued(seller, manager, companyId);
    }

    /** A file with a transmission number and an assignment of its own, as the bank sends them. */
    OcrFileWriter file() {
        return file(String.format("%07d", transmission));
    }

    /** A file with a transmission number of its own and assignment {@code assignmentNumber}. */
    OcrFileWriter file(String assignmentNumber) {
        return new OcrFileWriter().transmissionNumber(String.format("%07d", transmission++))
                .assignment(OcrFileWriter.AGREEMENT_ID, assignmentNumber);
    }

    HttpResponse<String> upload(ApiClient client, byte[] file) {
        return client.send(client.request("/api/v1/payments/ocr-imports").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    Object invoiceField(String id, String field) {
        return Json.object(manager.get("/api/v1/invoices/" + id).body()).get(field);
    }

    @Test
    void anInvoiceIsPaidByTheBanksFileInTwoPartsAndTheSameFileAgainRegistersNothing() {
        var invoice = issuedInvoice();
        String kid = invoice[1];
        byte[] first = file("0000001").transaction(transaction(10, 50000).kid(kid).settled(SETTLED).archiveReference("000000001")).bytes();
        var imported = upload(manager, first);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        var report = Json.object(imported.body());
        assertThat(report.get("applied")).isEqualTo(1);
        assertThat(report.get("alreadyImported")).isEqualTo(false);
        assertThat(invoiceField(invoice[0], "status")).isEqualTo("PARTLY_PAID");
        assertThat(Json.number(invoiceField(invoice[0], "due"))).isEqualTo(75000);

        var again = upload(manager, first);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.object(again.body()).get("alreadyImported")).isEqualTo(true);
        assertThat(Json.number(invoiceField(invoice[0], "paid"))).isEqualTo(50000);

        // a new file repeating the first payment (the same assignment again) and paying the rest: only the rest is new
        byte[] second = file("0000001").transaction(transaction(10, 50000).kid(kid).settled(SETTLED).archiveReference("000000001"))
                .transaction(transaction(13, 75000).kid(kid).settled(SETTLED).archiveReference("000000002")).bytes();
        var rest = Json.object(upload(manager, second).body());
        assertThat(rest.get("duplicates")).isEqualTo(1);
        assertThat(rest.get("applied")).isEqualTo(1);
        assertThat(invoiceField(invoice[0], "status")).isEqualTo("PAID");
        assertThat(Json.number(invoiceField(invoice[0], "due"))).isZero();
        var payments = Json.object(manager.get("/api/v1/invoices/" + invoice[0] + "/payments").body());
        assertThat(Json.list(payments.get("items"))).extracting(p -> Json.number(p.get("amount"))).containsExactly(50000L, 75000L);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'ocr-import'")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void reversalsAreKeptButNotBookedAndUnknownKidsWaitForAManager() {
        var invoice = issuedInvoice();
        byte[] file = file()
                .transaction(transaction(18, 125000).kid(invoice[1]).settled(SETTLED).archiveReference("000000010"))
                .transaction(transaction(20, 3000).freeText("Tilbakeført").settled(SETTLED).archiveReference("000000011"))
                .transaction(transaction(10, 125000).kid("0036633").settled(SETTLED).archiveReference("000000012"))
                .bytes();
        var report = Json.object(upload(manager, file).body());
        assertThat(report.get("reversals")).isEqualTo(2);
        assertThat(report.get("unmatched")).isEqualTo(1);
        assertThat(report.get("applied")).isEqualTo(0);
        assertThat(invoiceField(invoice[0], "status")).isEqualTo("ISSUED");

        var unmatched = Json.list(Json.object(manager.get("/api/v1/payments/unmatched").body()).get("items"));
        var waiting = unmatched.stream().filter(p -> "0036633".equals(p.get("kid"))).findFirst().orElseThrow();
        String paymentId = String.valueOf(waiting.get("id"));
        assertThat(seller.post("/api/v1/payments/" + paymentId + "/assign", "{\"invoiceId\":" + invoice[0] + "}").statusCode())
                .isEqualTo(403);
        var assigned = manager.post("/api/v1/payments/" + paymentId + "/assign", "{\"invoiceId\":" + invoice[0] + "}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(Json.object(assigned.body()).get("invoiceStatus")).isEqualTo("PAID");
        var twice = manager.post("/api/v1/payments/" + paymentId + "/assign", "{\"invoiceId\":" + invoice[0] + "}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(Json.list(Json.object(manager.get("/api/v1/payments/unmatched").body()).get("items")))
                .noneMatch(p -> String.valueOf(p.get("id")).equals(paymentId));
    }

    @Test
    void aBadFileIsRefusedWholeWithTheReasonAndNothingIsImported() {
        var invoice = issuedInvoice();
        long before = Db.count(dataSource, "SELECT count(*) FROM payment");
        var good = transaction(10, 1000).kid(invoice[1]).settled(SETTLED).archiveReference("000000020");
        for (byte[] bad : new byte[][] {
                file().transaction(good).assignmentTotalOffBy(1).bytes(),
                file().transaction(good).transmissionRecordCountOffBy(1).bytes(),
                file().transaction(good).withoutAssignmentEnd().bytes(),
                "NY000010 not an OCR file".getBytes(),
                new byte[0]}) {
            var r = upload(manager, bad);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(ApiClient.field(r.body(), "code")).startsWith("ocr.");
            assertThat(ApiClient.field(r.body(), "detail")).isNotBlank();
        }
        assertThat(Db.count(dataSource, "SELECT count(*) FROM payment")).isEqualTo(before);
        assertThat(invoiceField(invoice[0], "status")).isEqualTo("ISSUED");
        assertThat(upload(seller, file().transaction(good).bytes()).statusCode()).isEqualTo(403);
        var oversize = upload(manager, new byte[1024 * 1024 + 80]);
        assertThat(oversize.statusCode()).isEqualTo(413);
        var hostile = upload(manager, ("NY000010' OR 1=1; DROP TABLE payment; --" + " ".repeat(38) + "\n").getBytes());
        assertThat(hostile.statusCode()).isEqualTo(400);
        var json = manager.send(manager.request("/api/v1/payments/ocr-imports").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        // the file is text as the bank sent it; JSON matches no route, and security answers for an unmatched route
        assertThat(json.statusCode()).isIn(403, 415);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM payment")).isEqualTo(before);
    }

    @Test
    void theSameFileImportedTwiceAtOnceRegistersItsPaymentsOnce() throws Exception {
        var invoice = issuedInvoice();
        byte[] file = file().transaction(transaction(10, 20000).kid(invoice[1]).settled(SETTLED).archiveReference("000000030")).bytes();
        var pool = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return upload(manager, file);
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var r : results) {
            statuses.add(r.get().statusCode());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
        assertThat(Json.number(invoiceField(invoice[0], "paid"))).isEqualTo(20000);
    }

    @Test
    void paymentsByHandByInvoiceOrKidWithTheirRefusals() {
        var invoice = issuedInvoice();
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString();
        var byId = manager.post("/api/v1/invoices/" + invoice[0] + "/payments", "{\"amount\":25000,\"paidOn\":\"" + today + "\"}");
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(201);
        assertThat(Json.object(byId.body()).get("invoiceStatus")).isEqualTo("PARTLY_PAID");
        var byKid = manager.post("/api/v1/payments", "{\"kid\":\"" + invoice[1] + "\",\"amount\":100000,\"paidOn\":\"" + today + "\"}");
        assertThat(byKid.statusCode()).as(byKid.body()).isEqualTo(201);
        assertThat(Json.object(byKid.body()).get("invoiceStatus")).isEqualTo("PAID");

        var keyed = issuedInvoice();
        var body = "{\"amount\":1000,\"paidOn\":\"" + today + "\"}";
        for (int i = 0; i < 2; i++) {
            var r = manager.send(manager.request("/api/v1/invoices/" + keyed[0] + "/payments").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "pay-" + keyed[0]).POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(r.statusCode()).isEqualTo(201);
        }
        assertThat(Json.number(invoiceField(keyed[0], "paid"))).isEqualTo(1000);

        String path = "/api/v1/invoices/" + keyed[0] + "/payments";
        assertThat(manager.post(path, "{\"amount\":0,\"paidOn\":\"" + today + "\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post(path, "{\"amount\":-5,\"paidOn\":\"" + today + "\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post(path, "{\"amount\":100,\"paidOn\":\"2999-01-01\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post(path, "{\"amount\":\"x\",\"paidOn\":\"" + today + "\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post(path, "{\"paidOn\":\"" + today + "\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post(path, "{\"amount\":100,\"paidOn\":\"yesterday\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post(path, "{\"amount\":100000000000000,\"paidOn\":\"" + today + "\"}").statusCode()).isEqualTo(400);
        assertThat(seller.post(path, "{\"amount\":100,\"paidOn\":\"" + today + "\"}").statusCode()).isEqualTo(403);
        assertThat(manager.post("/api/v1/invoices/999999/payments", "{\"amount\":100,\"paidOn\":\"" + today + "\"}").statusCode())
                .isEqualTo(404);
        var unknownKid = manager.post("/api/v1/payments", "{\"kid\":\"12345678903\",\"amount\":100,\"paidOn\":\"" + today + "\"}");
        assertThat(unknownKid.statusCode()).isEqualTo(400);
        assertThat(unknownKid.body()).contains("payment.kid-unknown");
        // a draft takes no payment (before, a sale without lines made no draft, and the post went to /invoices/null/…)
        String draft = ApiInvoices.draft(seller, manager, companyId);
        var paidDraft = manager.post("/api/v1/invoices/" + draft + "/payments", "{\"amount\":100,\"paidOn\":\"" + today + "\"}");
        assertThat(paidDraft.statusCode()).as(paidDraft.body()).isIn(400, 409);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM payment WHERE invoice_id = ?", Long.parseLong(draft))).isZero();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM payment WHERE invoice_id = ?", Long.parseLong(keyed[0]))).isEqualTo(1);
    }

    @Test
    void crediting_a_paid_invoice_leaves_a_credit_balance_on_the_companys_card() {
        String company = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Saldo AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String id = ApiInvoices.issued(seller, manager, company)[0];
        var before = Json.object(seller.get("/api/v1/companies/" + company + "/balance").body());
        assertThat(Json.number(before.get("due"))).isEqualTo(125000);
        assertThat(Json.number(before.get("overdue"))).isZero();
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString();
        manager.post("/api/v1/invoices/" + id + "/payments", "{\"amount\":125000,\"paidOn\":\"" + today + "\"}");
        manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Annonsen ble ikke trykket\"}");
        var after = Json.object(seller.get("/api/v1/companies/" + company + "/balance").body());
        assertThat(Json.number(after.get("due"))).isZero();
        assertThat(Json.number(after.get("creditBalance"))).isEqualTo(125000);
        assertThat(Json.object(manager.get("/api/v1/invoices/" + id).body()).get("overpaid")).isEqualTo(125000);
    }
}
