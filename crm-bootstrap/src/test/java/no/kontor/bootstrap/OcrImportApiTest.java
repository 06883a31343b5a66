package no.kontor.bootstrap;

import static no.kontor.domain.payment.OcrFileWriter.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
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
 * The bank's OCR files over HTTP, on PostgreSQL: a file is known by its transmission
 * number and its content (line ends aside), a transaction by agreement, assignment
 * number, transaction number and settlement date — never by the archive reference,
 * which another bank may repeat.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcrImportApiTest implements UsesTestDatabase {
    static final LocalDate SETTLED = LocalDate.of(2026, 11, 20);

    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient seller;
    String companyId;
    int transmission = 500;
    int assignment = 500;

    @BeforeAll
    void setUp() {
        staff.add("mona", Role.MANAGER);
        staff.add("selma", Role.SELLER);
        manager = staff.login("mona");
        seller = staff.login("selma");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Giro AS\",\"organisationNumber\":\"974761076\","
                + "\"status\":\"CUSTOMER\"}").body(), "id");
    }

    /** An issued invoice of 1 250.00; returns its id and KID. */
    String[] issuedInvoice() {
        return ApiInvoices.issued(seller, manager, companyId);
    }

    /** A file with a transmission number and an assignment (of the usual agreement) of its own. */
    OcrFileWriter file() {
        return new OcrFileWriter().transmissionNumber(String.format("%07d", transmission++))
                .assignment(OcrFileWriter.AGREEMENT_ID, String.format("%07d", assignment++));
    }

    HttpResponse<String> upload(byte[] file) {
        return manager.send(manager.request("/api/v1/payments/ocr-imports").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    long paid(String invoiceId) {
        return Json.number(Json.object(manager.get("/api/v1/invoices/" + invoiceId).body()).get("paid"));
    }

    long payments(String kid) {
        return Db.count(dataSource, "SELECT count(*) FROM payment WHERE kid = ?", kid);
    }

    @Test
    void theSameFileTwiceAnswersTheSameReportAndRegistersOneSetOfPayments() {
        var invoice = issuedInvoice();
        var writer = file().transaction(transaction(10, 30000).kid(invoice[1]).settled(SETTLED).archiveReference("000000101"))
                .transaction(transaction(10, 20000).kid(invoice[1]).settled(SETTLED).archiveReference("000000102"));
        var first = upload(writer.bytes());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var again = upload(writer.lineEnd("\r\n").bytes()); // the same records, saved on Windows

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        var firstReport = new java.util.HashMap<>(Json.object(first.body()));
        var againReport = new java.util.HashMap<>(Json.object(again.body()));
        assertThat(againReport.get("alreadyImported")).isEqualTo(true);
        againReport.remove("alreadyImported");
        firstReport.remove("alreadyImported");
        assertThat(againReport).isEqualTo(firstReport);
        assertThat(payments(invoice[1])).isEqualTo(2);
        assertThat(paid(invoice[0])).isEqualTo(50000);
    }

    @Test
    void anotherFileUnderAnEarlierTransmissionNumberIsA409NamingTheEarlierImportAndImportsNothing() {
        var invoice = issuedInvoice();
        var first = upload(new OcrFileWriter().transmissionNumber("0000900").assignment(OcrFileWriter.AGREEMENT_ID, "0000900")
                .transaction(transaction(10, 30000).kid(invoice[1]).settled(SETTLED).archiveReference("000000201")).bytes());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long importsBefore = Db.count(dataSource, "SELECT count(*) FROM ocr_import");
        // what staff did (the outbox worker, acting as system:…, renders PDFs meanwhile)
        String staffAudit = "SELECT count(*) FROM audit_entry WHERE actor LIKE 'user:%'";
        long auditBefore = Db.count(dataSource, staffAudit);

        var other = upload(new OcrFileWriter().transmissionNumber("0000900").assignment(OcrFileWriter.AGREEMENT_ID, "0000901")
                .transaction(transaction(10, 95000).kid(invoice[1]).settled(SETTLED).archiveReference("000000202")).bytes());

        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ApiClient.field(other.body(), "code")).isEqualTo("ocr.transmission-reused");
        String importId = ApiClient.field(first.body(), "importId");
        assertThat(ApiClient.field(other.body(), "detail")).contains("0000900", importId);
        @SuppressWarnings("unchecked")
        var conflict = (Map<String, Object>) Json.object(other.body()).get("conflict");
        assertThat(String.valueOf(conflict.get("importId"))).isEqualTo(importId);
        assertThat(conflict.get("importedAt")).isNotNull();
        assertThat(payments(invoice[1])).isEqualTo(1);
        assertThat(paid(invoice[0])).isEqualTo(30000);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM ocr_import")).isEqualTo(importsBefore);
        assertThat(Db.count(dataSource, staffAudit)).isEqualTo(auditBefore);
    }

    @Test
    void twoFilesWithEqualArchiveReferencesButDifferentTransactionsAreBothRegistered() {
        var invoice = issuedInvoice();
        // two banks' files: the same transaction number, date and archive reference under different agreements
        var first = upload(new OcrFileWriter().transmissionNumber(String.format("%07d", transmission++)).assignment("003001111", "0000001")
                .transaction(transaction(10, 40000).kid(invoice[1]).settled(SETTLED).archiveReference("000000777")).bytes());
        var second = upload(new OcrFileWriter().transmissionNumber(String.format("%07d", transmission++)).assignment("003002222", "0000001")
                .transaction(transaction(10, 60000).kid(invoice[1]).settled(SETTLED).archiveReference("000000777")).bytes());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(Json.object(second.body()).get("applied")).isEqualTo(1);
        assertThat(Json.object(second.body()).get("duplicates")).isEqualTo(0);
        assertThat(payments(invoice[1])).isEqualTo(2);
        assertThat(paid(invoice[0])).isEqualTo(100000);
    }

    @Test
    void theSameTransactionInALaterTransmissionIsNotRegisteredTwice() {
        var invoice = issuedInvoice();
        var first = upload(new OcrFileWriter().transmissionNumber(String.format("%07d", transmission++)).assignment("004001111", "0000077")
                .transaction(transaction(10, 40000).kid(invoice[1]).settled(SETTLED).archiveReference("000000301")).bytes());
        // the bank sends the assignment again in a new transmission, with another archive reference on it
        var later = upload(new OcrFileWriter().transmissionNumber(String.format("%07d", transmission++)).assignment("004001111", "0000077")
                .transaction(transaction(10, 40000).kid(invoice[1]).settled(SETTLED).archiveReference("000000399")).bytes());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
        assertThat(Json.object(later.body()).get("duplicates")).isEqualTo(1);
        assertThat(Json.object(later.body()).get("applied")).isEqualTo(0);
        assertThat(payments(invoice[1])).isEqualTo(1);
        assertThat(paid(invoice[0])).isEqualTo(40000);
    }

    @Test
    void theSameFilePostedTwiceAtOnceIsImportedOnce() throws Exception {
        var invoice = issuedInvoice();
        byte[] file = file().transaction(transaction(10, 20000).kid(invoice[1]).settled(SETTLED).archiveReference("000000401"))
                .transaction(transaction(10, 10000).kid(invoice[1]).settled(SETTLED).archiveReference("000000402")).bytes();
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return upload(file);
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var r : results) {
            statuses.add(r.get().statusCode());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        String transmissionNumber = new String(file, 16, 7);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM ocr_import WHERE transmission_number = ?", transmissionNumber)).isEqualTo(1);
        assertThat(payments(invoice[1])).isEqualTo(2);
        assertThat(paid(invoice[0])).isEqualTo(30000);
    }
}
