package no.kontor.adapters.web.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

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
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemorySales;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.identity.Role;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatCategory;

/** The invoice endpoints over HTTP on in-memory ports: every status and problem shape of the lifecycle. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceControllerTest {
    static final Instant NOW = Instant.now();

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;
    @Inject
    InMemoryCompanies companies;
    @Inject
    InMemorySales sales;
    @Inject
    InMemorySales.Lines lines;
    @Inject
    no.kontor.adapters.web.testing.SwitchableDocumentValidator documents;

    ApiClient manager;
    ApiClient seller;
    long companyId;
    long noEmailCompanyId;

    @BeforeAll
    void setUp() {
        staff.user("mona", Role.MANAGER);
        staff.user("sindre", Role.SELLER);
        manager = ApiClient.anonymous(server.getURI()).login("mona", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("sindre", Staff.PASSWORD);
        companyId = companies.add(Company.register(CompanyDetails.parse("Kunde AS", "991825827", CompanyStatus.CUSTOMER, null, null, null,
                null, "faktura@kunde.example", null, null, null, null), "test", NOW)).getId().value();
        noEmailCompanyId = companies.add(Company.register(CompanyDetails.parse("Uten AS", null, CompanyStatus.CUSTOMER, null, null, null,
                null, null, null, null, null, null), "test", NOW)).getId().value();
    }

    long orderedSale(long company) {
        var sale = sales.add(Sale.open(new no.kontor.domain.company.CompanyId(company), null, SaleStage.ORDERED, false, null, "test", NOW));
        lines.add(new SaleLine(null, sale.getId(), null, "Helside", BigDecimal.ONE, SaleUnit.PIECE, 100000, BigDecimal.ZERO, VatCategory.S,
                new BigDecimal("25"), null));
        return sale.getId().value();
    }

    HttpResponse<String> draft(long sale) {
        return manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}");
    }

    String issuedInvoice(long company) {
        String id = ApiClient.field(draft(orderedSale(company)).body(), "id");
        assertThat(manager.post("/api/v1/invoices/" + id + "/issue", "").statusCode()).isEqualTo(200);
        return id;
    }

    static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void aDraftIs201WithLocationAndETagAndChangesOnlyWithItsVersion() {
        var created = draft(orderedSale(companyId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiClient.field(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/invoices/" + id);
        assertThat(etag(created)).isEqualTo("\"0\"");
        assertThat(created.body()).contains("\"status\":\"DRAFT\"", "\"number\":null", "\"gross\":125000", "\"buyerReference\":\"Kundenr. ");
        var missing = manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Ola\"}", null);
        assertThat(missing.statusCode()).isEqualTo(428);
        var changed = manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Ola\"}", "\"0\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(etag(changed)).isEqualTo("\"1\"");
        assertThat(manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Per\"}", "\"0\"").statusCode()).isEqualTo(412);
        assertThat(manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Per\"}", "nonsense").statusCode()).isEqualTo(412);
        var discarded = manager.send(manager.request("/api/v1/invoices/" + id).header("If-Match", "\"1\"").DELETE().build());
        assertThat(discarded.statusCode()).isEqualTo(204);
        assertThat(manager.get("/api/v1/invoices/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aDocumentThatWouldNotBeReadableIs422NamingWhatIsWrong() {
        String id = ApiClient.field(draft(orderedSale(companyId)).body(), "id");
        String invoice = issuedInvoice(companyId);
        documents.refuseWith("line 1, column 9: not well-formed");
        try {
            for (var refused : new HttpResponse[] {manager.post("/api/v1/invoices/" + id + "/issue", ""),
                    manager.post("/api/v1/invoices/" + invoice + "/credit-notes", "{\"reason\":\"Feil\"}")}) {
                assertThat(refused.statusCode()).as(String.valueOf(refused.body())).isEqualTo(422);
                assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(ApiClient.field((String) refused.body(), "code")).isEqualTo("invoice.document-invalid");
                assertThat(ApiClient.field((String) refused.body(), "detail")).contains("line 1, column 9: not well-formed");
            }
        } finally {
            documents.refuseWith(null);
        }
        assertThat(manager.get("/api/v1/invoices/" + id).body()).contains("\"status\":\"DRAFT\"");
        assertThat(manager.post("/api/v1/invoices/" + id + "/issue", "").statusCode()).isEqualTo(200);
    }

    @Test
    void issuingIs200OnceThen409AndTheDocumentsFollow() {
        String id = ApiClient.field(draft(orderedSale(companyId)).body(), "id");
        assertThat(manager.get("/api/v1/invoices/" + id + "/ehf").statusCode()).as("a draft has none").isEqualTo(409);
        var issued = manager.post("/api/v1/invoices/" + id + "/issue", "");
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.body()).contains("\"status\":\"ISSUED\"", "\"kid\":\"");
        var again = manager.post("/api/v1/invoices/" + id + "/issue", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"invoice.already-issued\"", "\"status\":409");
        var ehf = manager.get("/api/v1/invoices/" + id + "/ehf");
        assertThat(ehf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(ehf.body()).contains("<ID>" + ApiClient.field(issued.body(), "number") + "</ID>");
        var pdf = manager.get("/api/v1/invoices/" + id + "/pdf");
        assertThat(pdf.statusCode()).as("nothing renders in this test: still waiting").isEqualTo(202);
        assertThat(pdf.headers().firstValue("Retry-After")).contains("2");
        assertThat(manager.get("/api/v1/invoices/" + id + "/jobs").body()).contains("\"kind\":\"RENDER_PDF\"", "\"state\":\"QUEUED\"");
    }

    @Test
    void creditNotesSendingAndRemindersAnswerWithTheirStatusesAndCodes() {
        String id = issuedInvoice(companyId);
        var note = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"lineNumbers\":[1],\"reason\":\"Feil\"}");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        assertThat(note.body()).contains("\"kind\":\"CREDIT_NOTE\"", "\"creditedInvoiceId\":" + id);
        var twice = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Igjen\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("invoice.already-credited");

        String open = issuedInvoice(companyId);
        var send = manager.post("/api/v1/invoices/" + open + "/send", "{\"withEhf\":true}");
        assertThat(send.statusCode()).isEqualTo(202);
        assertThat(send.body()).contains("\"recipient\":\"faktura@kunde.example\"", "\"withEhf\":true");
        var early = manager.post("/api/v1/invoices/" + open + "/reminders", "{\"withFee\":true}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("reminder.fee-too-early");
        var reminder = manager.post("/api/v1/invoices/" + open + "/reminders", "{\"withFee\":false}");
        assertThat(reminder.statusCode()).isEqualTo(201);
        assertThat(reminder.body()).contains("\"number\":1", "\"fee\":0", "\"total\":125000");
        assertThat(seller.post("/api/v1/invoices/" + open + "/reminders", "{\"withFee\":false}").statusCode()).isEqualTo(403);

        String silent = issuedInvoice(noEmailCompanyId);
        assertThat(manager.post("/api/v1/invoices/" + silent + "/send", "{}").body()).contains("invoice.no-email");
        assertThat(manager.post("/api/v1/invoices/" + silent + "/send", "{\"withEhf\":true}").body()).contains("invoice.not-ehf");
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameInvoiceAndAnotherDraftWithItIs422() {
        String id = ApiClient.field(draft(orderedSale(companyId)).body(), "id");
        HttpResponse<String> first = null;
        for (int i = 0; i < 2; i++) {
            var r = manager.send(manager.request("/api/v1/invoices/" + id + "/issue").header("Idempotency-Key", "k-" + id)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(r.statusCode()).isEqualTo(200);
            first = first == null ? r : first;
            assertThat(ApiClient.field(r.body(), "number")).isEqualTo(ApiClient.field(first.body(), "number"));
        }
        String other = ApiClient.field(draft(orderedSale(companyId)).body(), "id");
        var mismatch = manager.send(manager.request("/api/v1/invoices/" + other + "/issue").header("Idempotency-Key", "k-" + id)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(mismatch.statusCode()).isEqualTo(422);
        var badKey = manager.send(manager.request("/api/v1/invoices/" + other + "/issue").header("Idempotency-Key", "two words")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("\"field\":\"Idempotency-Key\"");
    }

    @Test
    void aRetriedSendOrReminderWithItsKeyQueuesNothingNew() {
        String id = issuedInvoice(companyId);
        String path = "/api/v1/invoices/" + id;
        var first = manager.send(manager.request(path + "/send").header("Content-Type", "application/json").header("Idempotency-Key", "s-" + id)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        var again = manager.send(manager.request(path + "/send").header("Content-Type", "application/json").header("Idempotency-Key", "s-" + id)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(ApiClient.field(again.body(), "jobId")).isEqualTo(ApiClient.field(first.body(), "jobId"));
        var reminders = new java.util.ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            var r = manager.send(manager.request(path + "/reminders").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "r-" + id).POST(HttpRequest.BodyPublishers.ofString("{\"withFee\":false}")).build());
            assertThat(r.statusCode()).isEqualTo(201);
            reminders.add(ApiClient.field(r.body(), "id"));
        }
        assertThat(reminders.get(1)).isEqualTo(reminders.get(0));
        assertThat(manager.get(path + "/reminders").body()).contains("\"number\":1").doesNotContain("\"number\":2");
        assertThat(manager.get(path + "/jobs").body().split("SEND_INVOICE", -1)).as("one send job").hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no sales            | {"saleIds":[]}                                   | 400
            sales missing       | {}                                               | 400
            a null sale         | {"saleIds":[null]}                               | 400
            sales as text       | {"saleIds":"1"}                                  | 400
            unknown sale        | {"saleIds":[999999]}                             | 400
            malformed JSON      | {"saleIds":[1,                                   | 400
            """)
    void badDraftsAreProblems(String name, String json, int status) {
        var r = manager.post("/api/v1/invoices", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aBuyerReferenceOverTwoHundredCharactersIsRefusedAndNothingIsDrafted() {
        long sale = orderedSale(companyId);
        var r = manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "],\"buyerReference\":\"" + "x".repeat(201) + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("buyerReference");
        assertThat(draft(sale).statusCode()).as("the sale is still free").isEqualTo(201);
    }

    @Test
    void rolesAndUnknownIds() {
        long sale = orderedSale(companyId);
        assertThat(seller.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}").statusCode()).isEqualTo(403);
        assertThat(ApiClient.anonymous(server.getURI()).get("/api/v1/invoices").statusCode()).isEqualTo(401);
        assertThat(seller.get("/api/v1/invoices?status=DRAFT").statusCode()).isEqualTo(200);
        assertThat(seller.get("/api/v1/invoices?status=SOMETIMES").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices/999999/issue", "").statusCode()).isEqualTo(404);
        assertThat(manager.get("/api/v1/invoices/999999/pdf").statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/companies/" + companyId + "/balance").body()).contains("\"companyId\":" + companyId, "\"due\":");
    }
}
