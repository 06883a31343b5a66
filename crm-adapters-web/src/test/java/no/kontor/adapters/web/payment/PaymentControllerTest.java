package no.kontor.adapters.web.payment;

import static no.kontor.domain.payment.OcrFileWriter.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryPayments;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.payment.OcrFileWriter;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/** The payment endpoints over HTTP on in-memory ports: every status and problem shape, the OCR file's refusals included. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentControllerTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));
    static final Instant NOW = Instant.now();

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;
    @Inject
    InMemoryInvoices invoices;
    @Inject
    InMemoryPayments payments;

    ApiClient manager;
    ApiClient seller;
    int transmission = 200;
    long invoiceId;
    String kid;

    @BeforeAll
    void setUp() {
        staff.user("mona", Role.MANAGER);
        staff.user("sindre", Role.SELLER);
        manager = ApiClient.anonymous(server.getURI()).login("mona", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("sindre", Staff.PASSWORD);
        var line = new InvoiceLine(1, 1L, null, "Annonse", BigDecimal.ONE, "C62", 100000, BigDecimal.ZERO, TaxCategory.S,
                new BigDecimal("25"), null);
        var draft = invoices.add(Invoice.draft(new CompanyId(4), List.of(line), "Kari", null, "mona", NOW));
        var seller = new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), null, null, null, null, null,
                new BankAccountNumber("86011117947"), true, true);
        kid = Kid.of(Kid.Algorithm.MOD10, 15, 7, 4, 1).value();
        invoices.issue(draft.issue(new Invoice.Issue(1, TODAY, TODAY.plusDays(14), new Kid(kid), seller,
                new Buyer(4, "Kunde AS", null, null, null, null, null)), "mona", NOW), "<Invoice/>", null);
        invoiceId = draft.getId().value();
    }

    HttpResponse<String> upload(ApiClient client, String contentType, byte[] body) {
        return client.send(client.request("/api/v1/payments/ocr-imports").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    byte[] file(OcrFileWriter.Transaction... transactions) {
        var writer = new OcrFileWriter().transmissionNumber(String.format("%07d", transmission++)).assignment();
        for (var t : transactions) {
            writer.transaction(t);
        }
        return writer.bytes();
    }

    @Test
    void anImportAnswers201WithItsReportAndTheSameFileAgain200() {
        byte[] ocr = file(transaction(10, 1000).kid(kid).archiveReference("000000501"),
                transaction(10, 700).kid("0036633").archiveReference("000000502"));
        var first = upload(manager, "text/plain", ocr);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location").orElseThrow()).matches("/api/v1/payments/ocr-imports/\\d+");
        assertThat(first.body()).contains("\"applied\":1", "\"unmatched\":1", "\"appliedAmount\":1000", "\"alreadyImported\":false");
        var again = upload(manager, "application/octet-stream", ocr);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"alreadyImported\":true", "\"applied\":1");
        assertThat(manager.get(first.headers().firstValue("Location").orElseThrow()).body()).contains("\"unmatched\":1");
        assertThat(manager.get("/api/v1/payments/unmatched").body()).contains("\"kid\":\"0036633\"");
    }

    @Test
    void aBadFileIsAProblemNamingTheLineAndNothingIsRegistered() {
        int before = payments.size();
        var r = upload(manager, "text/plain", new OcrFileWriter().transmissionNumber("0000999").assignment()
                .transaction(transaction(10, 1000).kid(kid)).assignmentTotalOffBy(1).bytes());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"ocr.total-mismatch\"", "\"status\":400", "line ");
        assertThat(upload(manager, "text/plain", "NY0000".getBytes()).body()).contains("\"code\":\"ocr.line-length\"");
        assertThat(upload(manager, "text/plain", new byte[0]).body()).contains("\"code\":\"ocr.empty\"");
        assertThat(payments.size()).isEqualTo(before);
    }

    @Test
    void whoMayImportAndHowBig() {
        byte[] ocr = file(transaction(10, 1).kid(kid).archiveReference("000000601"));
        assertThat(upload(seller, "text/plain", ocr).statusCode()).isEqualTo(403);
        assertThat(upload(ApiClient.anonymous(server.getURI()), "text/plain", ocr).statusCode()).isEqualTo(401);
        var oversize = upload(manager, "text/plain", new byte[1024 * 1024 + 1]);
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(oversize.body()).contains("\"code\":\"request.too-large\"");
        assertThat(manager.get("/api/v1/payments/ocr-imports/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aPaymentByHandIsRegisteredOnceUnderItsKeyAndAnotherBodyWithTheKeyIs422() {
        String body = "{\"amount\":2500,\"paidOn\":\"" + TODAY + "\"}";
        HttpResponse<String> first = null;
        for (int i = 0; i < 2; i++) {
            var r = manager.send(manager.request("/api/v1/invoices/" + invoiceId + "/payments").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "hand-1").POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            if (first == null) {
                first = r;
            } else {
                assertThat(ApiClient.field(r.body(), "payment")).isEqualTo(ApiClient.field(first.body(), "payment"));
            }
        }
        var other = manager.send(manager.request("/api/v1/invoices/" + invoiceId + "/payments").header("Content-Type", "application/json")
                .header("Idempotency-Key", "hand-1").POST(HttpRequest.BodyPublishers.ofString("{\"amount\":2600,\"paidOn\":\"" + TODAY
                        + "\"}")).build());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(payments.ofInvoice(new no.kontor.domain.invoice.InvoiceId(invoiceId))).extracting(p -> p.amount()).contains(2500L)
                .doesNotContain(2600L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zero amount        | {"amount":0,"paidOn":"2026-01-02"}                 | 400 | amount
            negative amount    | {"amount":-1,"paidOn":"2026-01-02"}                | 400 | amount
            future day         | {"amount":1,"paidOn":"2999-01-01"}                 | 400 | paidOn
            missing day        | {"amount":1}                                       | 400 | paidOn
            amount as text     | {"amount":"ti","paidOn":"2026-01-02"}              | 400 | amount
            malformed day      | {"amount":1,"paidOn":"02.01.2026"}                 | 400 | paidOn
            malformed JSON     | {"amount":1,                                       | 400 | ''
            """)
    void badPaymentsAreProblemsNamingTheField(String name, String json, int status, String field) {
        var r = manager.post("/api/v1/invoices/" + invoiceId + "/payments", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("\"status\":" + status);
        if (!field.isEmpty()) {
            assertThat(r.body()).contains("\"field\":\"" + field);
        }
    }

    @Test
    void byKidUnknownInvoicesAndAssignmentsAnswerWithTheirCodes() {
        var unknownKid = manager.post("/api/v1/payments", "{\"kid\":\"12345678903\",\"amount\":1,\"paidOn\":\"" + TODAY + "\"}");
        assertThat(unknownKid.statusCode()).isEqualTo(400);
        assertThat(unknownKid.body()).contains("payment.kid-unknown");
        assertThat(manager.post("/api/v1/payments", "{\"kid\":\"1\",\"amount\":1,\"paidOn\":\"" + TODAY + "\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices/999999/payments", "{\"amount\":1,\"paidOn\":\"" + TODAY + "\"}").statusCode())
                .isEqualTo(404);
        assertThat(manager.post("/api/v1/payments/999999/assign", "{\"invoiceId\":" + invoiceId + "}").statusCode()).isEqualTo(404);
        assertThat(manager.post("/api/v1/payments/1/assign", "{}").statusCode()).isEqualTo(400);
        var byKid = manager.post("/api/v1/payments", "{\"kid\":\"" + kid + "\",\"amount\":100,\"paidOn\":\"" + TODAY + "\"}");
        assertThat(byKid.statusCode()).as(byKid.body()).isEqualTo(201);
        long paymentId = Long.parseLong(byKid.body().replaceAll(".*\"payment\":\\{\"id\":(\\d+).*", "$1"));
        var notUnmatched = manager.post("/api/v1/payments/" + paymentId + "/assign", "{\"invoiceId\":" + invoiceId + "}");
        assertThat(notUnmatched.statusCode()).isEqualTo(409);
        assertThat(notUnmatched.body()).contains("payment.not-unmatched");
    }
}
