package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.Kid;

/**
 * Invoicing over HTTP on PostgreSQL: from ordered sales to a draft, issued, credited
 * and invoiced again; every refusal; and two managers issuing one draft at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient seller;
    String companyId;
    String otherCompanyId;

    @BeforeAll
    void setUp() {
        staff.add("mona", Role.MANAGER);
        staff.add("selma", Role.SELLER);
        manager = staff.login("mona");
        seller = staff.login("selma");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Kunde & Co AS\",\"organisationNumber\":\"991825827\","
                + "\"status\":\"CUSTOMER\",\"postalAddress\":{\"street\":\"Kaigaten 2\",\"postalCode\":\"5003\"},"
                + "\"invoiceEmail\":\"faktura@kunde.example\"}").body(), "id");
        seller.post("/api/v1/companies/" + companyId + "/contacts", "{\"name\":\"Kari Nordmann\",\"email\":\"kari@kunde.example\"}");
        otherCompanyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Annen AS\",\"status\":\"CUSTOMER\"}").body(), "id");
    }

    /** An ordered sale with an advertisement at 25 % and a newspaper at 0 %. */
    String orderedSale(String company) {
        var r = seller.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String sale = ApiClient.field(r.body(), "id");
        assertThat(seller.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Helside\",\"quantity\":2,\"unit\":\"PIECE\","
                + "\"unitPrice\":150000,\"discountPercent\":12.5}").statusCode()).isEqualTo(201);
        assertThat(seller.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Avisabonnement\",\"quantity\":1,\"unit\":\"WEEK\","
                + "\"unitPrice\":9900,\"vatCategory\":\"Z\"}").statusCode()).isEqualTo(201);
        return sale;
    }

    HttpResponse<String> draft(String... sales) {
        return manager.post("/api/v1/invoices", "{\"saleIds\":[" + String.join(",", sales) + "]}");
    }

    String draftId(String... sales) {
        var r = draft(sales);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    HttpResponse<String> issue(String invoice) {
        return manager.post("/api/v1/invoices/" + invoice + "/issue", "");
    }

    HttpResponse<String> issue(String invoice, String key) {
        return manager.send(manager.request("/api/v1/invoices/" + invoice + "/issue").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static String code(HttpResponse<String> r) {
        return ApiClient.field(r.body(), "code");
    }

    static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void fromOrderedSalesToAnIssuedInvoiceAndBackByAWholeCreditNote() {
        String sale1 = orderedSale(companyId);
        String sale2 = orderedSale(companyId);
        var drafted = draft(sale1, sale2);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        var draft = Json.object(drafted.body());
        String id = String.valueOf(draft.get("id"));
        assertThat(drafted.headers().firstValue("Location")).contains("/api/v1/invoices/" + id);
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(draft.get("number")).isNull();
        assertThat(draft.get("buyerReference")).isEqualTo("Kari Nordmann");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'invoice' AND record_id = ? "
                + "AND action = 'created' AND entry_text LIKE '%sealed%'", id)).as("the contact's name is sealed for her").isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE entry_text LIKE '%Kari Nordmann%'")).isZero();
        assertThat(Json.list(draft.get("lines"))).hasSize(4);
        // 2 × 1500.00 − 12.5 % = 2625.00 per sale at 25 %, 99.00 at 0 %: VAT on the sum per rate
        assertThat(Json.number(draft.get("net"))).isEqualTo(2 * (262500 + 9900));
        assertThat(Json.number(draft.get("vat"))).isEqualTo(131250);

        // a sale on a draft is fixed
        var changeLine = seller.post("/api/v1/sales/" + sale1 + "/lines", "{\"description\":\"Mer\",\"quantity\":1,\"unit\":\"PIECE\","
                + "\"unitPrice\":100}");
        assertThat(changeLine.statusCode()).isEqualTo(409);
        assertThat(code(changeLine)).isEqualTo("sale.on-invoice");
        assertThat(code(draft(sale1))).isEqualTo("sale.not-invoiceable");

        var issued = issue(id);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        var invoice = Json.object(issued.body());
        long number = Json.number(invoice.get("number"));
        assertThat(invoice.get("status")).isEqualTo("ISSUED");
        var today = BusinessDays.dayOf(java.time.Instant.now());
        assertThat(invoice.get("issueDate")).isEqualTo(today.toString());
        assertThat(invoice.get("dueDate")).isEqualTo(today.plusDays(14).toString());
        String kid = (String) invoice.get("kid");
        assertThat(kid).hasSize(15).startsWith(String.format("%07d", Long.parseLong(companyId))).endsWith(
                String.format("%07d", number) + kid.charAt(14));
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD10)).isTrue();
        var buyer = Json.map(invoice.get("buyer"));
        assertThat(buyer.get("organisationNumber")).isEqualTo("991825827");
        assertThat(buyer.get("place")).isEqualTo("BERGEN");
        assertThat(buyer.get("ehf")).isEqualTo(true);
        assertThat(Json.map(invoice.get("seller")).get("vatRegistered")).isEqualTo(true);
        assertThat(Json.number(invoice.get("due"))).isEqualTo(Json.number(invoice.get("gross")));
        assertThat(Db.text(dataSource, "SELECT stage FROM sale WHERE id = ?", Long.parseLong(sale1))).isEqualTo("INVOICED");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM outbox WHERE invoice_id = ? AND kind = 'RENDER_PDF' AND payload IS NOT NULL",
                Long.parseLong(id))).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'invoice' AND record_id = ? "
                + "AND action IN ('created', 'issued')", id)).isEqualTo(2);
        // the PIN is never stored in clear: only its HMAC, in a table of its own (a reset replaces it), not in the frozen row
        assertThat(Db.count(dataSource, "SELECT count(*) FROM invoice_pin WHERE invoice_id = ? AND length(pin_hash) = 32", Long.parseLong(id)))
                .isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM invoice WHERE id = ? AND pin_hash IS NULL", Long.parseLong(id))).isEqualTo(1);

        var ehf = manager.get("/api/v1/invoices/" + id + "/ehf");
        assertThat(ehf.statusCode()).isEqualTo(200);
        assertThat(ehf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(ehf.body()).contains("<cbc:ID>" + number + "</cbc:ID>", "<cbc:PaymentID>" + kid + "</cbc:PaymentID>",
                "NO974760673MVA", "<cbc:EndpointID schemeID=\"0192\">991825827</cbc:EndpointID>");

        assertThat(issue(id).statusCode()).isEqualTo(409);
        assertThat(code(issue(id))).isEqualTo("invoice.already-issued");
        var view = manager.get("/api/v1/invoices/" + id);
        assertThat(manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Ola\"}", etag(view)).statusCode()).isEqualTo(409);
        assertThat(manager.send(manager.request("/api/v1/invoices/" + id).header("If-Match", etag(view)).DELETE().build())
                .statusCode()).isEqualTo(409);

        var credited = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Feil kunde\"}");
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(201);
        var note = Json.object(credited.body());
        assertThat(note.get("kind")).isEqualTo("CREDIT_NOTE");
        assertThat(Json.number(note.get("number"))).isGreaterThan(number);
        assertThat(Json.number(note.get("creditedInvoiceId"))).isEqualTo(Long.parseLong(id));
        assertThat(Json.number(note.get("gross"))).isEqualTo(Json.number(invoice.get("gross")));
        var after = Json.object(manager.get("/api/v1/invoices/" + id).body());
        assertThat(after.get("status")).isEqualTo("CREDITED");
        assertThat(Json.number(after.get("due"))).isZero();
        assertThat(Json.list(Json.object(manager.get("/api/v1/invoices/" + id + "/credit-notes").body()).get("items")))
                .hasSize(1);
        assertThat(manager.get("/api/v1/invoices/" + note.get("id") + "/ehf").body()).contains("<CreditNote", "381",
                "<cbc:ID>" + number + "</cbc:ID>");
        assertThat(Db.text(dataSource, "SELECT stage FROM sale WHERE id = ?", Long.parseLong(sale1))).isEqualTo("ORDERED");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale WHERE id IN (?, ?) AND invoice_id IS NULL", Long.parseLong(sale1),
                Long.parseLong(sale2))).isEqualTo(2);
        var again = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Igjen\"}");
        assertThat(code(again)).isEqualTo("invoice.already-credited");

        // the credited sales can be invoiced again
        assertThat(draft(sale1, sale2).statusCode()).isEqualTo(201);
    }

    @Test
    void aPartialCreditNoteLowersWhatIsDueAndALineIsCreditedOnce() {
        String id = draftId(orderedSale(companyId));
        var invoice = Json.object(issue(id).body());
        var partial = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"lineNumbers\":[2],\"reason\":\"Avis uteble\"}");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        assertThat(Json.number(Json.object(partial.body()).get("gross"))).isEqualTo(9900);
        var after = Json.object(manager.get("/api/v1/invoices/" + id).body());
        assertThat(after.get("status")).isEqualTo("ISSUED");
        assertThat(Json.number(after.get("due"))).isEqualTo(Json.number(invoice.get("gross")) - 9900);
        var twice = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"lineNumbers\":[2],\"reason\":\"Igjen\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(code(twice)).isEqualTo("credit-note.line-already-credited");
        var unknownLine = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"lineNumbers\":[7],\"reason\":\"x\"}");
        assertThat(unknownLine.statusCode()).isEqualTo(400);
        assertThat(unknownLine.body()).contains("credit-note.unknown-line");
        var rest = manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"Resten\"}");
        assertThat(rest.statusCode()).isEqualTo(201);
        assertThat(Json.object(manager.get("/api/v1/invoices/" + id).body()).get("status")).isEqualTo("CREDITED");
    }

    @Test
    void aDraftIsEditedWithItsVersionAndDiscardedWhichFreesItsSales() {
        String sale = orderedSale(companyId);
        var created = draft(sale);
        String id = ApiClient.field(created.body(), "id");
        assertThat(manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Ola\"}", null).statusCode()).isEqualTo(428);
        var changed = manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Ola\",\"note\":\"Takk\"}", etag(created));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(ApiClient.field(changed.body(), "buyerReference")).isEqualTo("Ola");
        assertThat(manager.put("/api/v1/invoices/" + id, "{\"buyerReference\":\"Per\"}", etag(created)).statusCode()).isEqualTo(412);
        assertThat(manager.get("/api/v1/invoices/" + id + "/ehf").statusCode()).isEqualTo(409);
        assertThat(manager.get("/api/v1/invoices/" + id + "/pdf").statusCode()).isEqualTo(409);
        var discarded = manager.send(manager.request("/api/v1/invoices/" + id).header("If-Match", etag(changed)).DELETE().build());
        assertThat(discarded.statusCode()).isEqualTo(204);
        assertThat(manager.get("/api/v1/invoices/" + id).statusCode()).isEqualTo(404);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale WHERE id = ? AND invoice_id IS NULL AND stage = 'ORDERED'",
                Long.parseLong(sale))).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'invoice' AND record_id = ? "
                + "AND action = 'discarded'", id)).isEqualTo(1);
        assertThat(draft(sale).statusCode()).isEqualTo(201);
    }

    @Test
    void badDraftsAreRefusedWithTheReasonAndNothingIsWritten() {
        long before = Db.count(dataSource, "SELECT count(*) FROM invoice");
        String lead = ApiClient.field(seller.post("/api/v1/sales", "{\"companyId\":" + companyId + "}").body(), "id");
        String empty = ApiClient.field(seller.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}").body(),
                "id");
        String mine = orderedSale(companyId);
        String theirs = orderedSale(otherCompanyId);
        assertThat(manager.post("/api/v1/invoices", "{\"saleIds\":[]}").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices", "{}").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices", "{\"saleIds\":[null]}").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices", "{\"saleIds\":\"1\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices", "{\"saleIds\":[1,").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices", "{\"saleIds\":[" + mine + "],\"buyerReference\":\"" + "x".repeat(201) + "\"}")
                .statusCode()).isEqualTo(400);
        var unknown = draft("999999");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("invoice.sale-unknown");
        assertThat(draft(mine, theirs).body()).contains("invoice.sales-of-several-companies");
        assertThat(code(draft(lead))).isEqualTo("sale.not-invoiceable");
        assertThat(draft(empty).body()).contains("invoice.sale-without-lines");
        assertThat(draft("1; DROP TABLE invoice").statusCode()).isEqualTo(400);
        assertThat(seller.post("/api/v1/invoices", "{\"saleIds\":[" + mine + "]}").statusCode()).isEqualTo(403);
        assertThat(ApiClient.anonymous(java.net.URI.create(manager.get("/").uri().toString())).post("/api/v1/invoices",
                "{\"saleIds\":[" + mine + "]}").statusCode()).isEqualTo(401);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM invoice")).isEqualTo(before);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale WHERE id = ? AND invoice_id IS NULL", Long.parseLong(mine)))
                .isEqualTo(1);
    }

    @Test
    void badActionsAreRefused() {
        assertThat(issue("999999").statusCode()).isEqualTo(404);
        assertThat(issue("abc").statusCode()).as("an impossible id in a path is not found, like an unknown one").isEqualTo(404);
        assertThat(manager.get("/api/v1/invoices/999999").statusCode()).isEqualTo(404);
        String id = draftId(orderedSale(companyId));
        assertThat(seller.post("/api/v1/invoices/" + id + "/issue", "").statusCode()).isEqualTo(403);
        assertThat(issue(id, "bad key with spaces").body()).contains("idempotency.key-invalid");
        assertThat(manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"x\"}").statusCode()).isEqualTo(409);
        issue(id);
        assertThat(manager.post("/api/v1/invoices/" + id + "/credit-notes", "{}").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"x\",\"lineNumbers\":[\"a\"]}").statusCode())
                .isEqualTo(400);
        assertThat(seller.post("/api/v1/invoices/" + id + "/credit-notes", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(manager.get("/api/v1/invoices?status=NOPE").statusCode()).isEqualTo(400);
        assertThat(manager.get("/api/v1/invoices?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void theSameKeyReplaysTheIssueAndAnotherInvoiceWithItIsRefused() {
        String id = draftId(orderedSale(companyId));
        var first = issue(id, "issue-" + id);
        var second = issue(id, "issue-" + id);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(ApiClient.field(second.body(), "number")).isEqualTo(ApiClient.field(first.body(), "number"));
        String other = draftId(orderedSale(companyId));
        assertThat(issue(other, "issue-" + id).statusCode()).isEqualTo(422);
        assertThat(Json.object(manager.get("/api/v1/invoices/" + other).body()).get("status")).isEqualTo("DRAFT");
    }

    @Test
    void twoManagersIssuingOneDraftAtOnceGetOneInvoiceAndOneConflict() throws Exception {
        for (String key : new String[] {null, "same-key"}) {
            String id = draftId(orderedSale(companyId));
            long before = Db.count(dataSource, "SELECT count(*) FROM invoice WHERE number IS NOT NULL");
            var pool = Executors.newFixedThreadPool(2);
            var start = new CountDownLatch(1);
            var results = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return key == null ? issue(id) : issue(id, key + id);
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            var numbers = new ArrayList<String>();
            for (var r : results) {
                statuses.add(r.get().statusCode());
                numbers.add(ApiClient.field(r.get().body(), "number"));
            }
            pool.shutdown();
            if (key == null) {
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } else {
                assertThat(statuses).as("the same key gets the same outcome").containsExactly(200, 200);
                assertThat(numbers.get(0)).isEqualTo(numbers.get(1));
            }
            assertThat(Db.count(dataSource, "SELECT count(*) FROM invoice WHERE number IS NOT NULL")).isEqualTo(before + 1);
        }
    }

    @Test
    void listsFilterByStatusCompanyPeriodAndOverdue() {
        String draft = draftId(orderedSale(otherCompanyId));
        String issued = draftId(orderedSale(otherCompanyId));
        issue(issued);
        var all = Json.object(manager.get("/api/v1/invoices?companyId=" + otherCompanyId).body());
        assertThat(Json.list(all.get("items"))).extracting(i -> String.valueOf(i.get("id"))).contains(draft, issued);
        var drafts = Json.object(manager.get("/api/v1/invoices?status=DRAFT&companyId=" + otherCompanyId).body());
        assertThat(Json.list(drafts.get("items"))).extracting(i -> String.valueOf(i.get("id"))).contains(draft).doesNotContain(issued);
        String today = BusinessDays.dayOf(java.time.Instant.now()).toString();
        var todays = Json.object(manager.get("/api/v1/invoices?from=" + today + "&to=" + today + "&companyId=" + otherCompanyId).body());
        assertThat(Json.list(todays.get("items"))).extracting(i -> String.valueOf(i.get("id"))).containsExactly(issued);
        var overdue = Json.object(seller.get("/api/v1/invoices?overdue=true&companyId=" + otherCompanyId).body());
        assertThat(Json.list(overdue.get("items"))).isEmpty();
        var page = Json.object(manager.get("/api/v1/invoices?limit=1").body());
        assertThat(Json.list(page.get("items"))).hasSize(1);
        assertThat(page.get("nextCursor")).isNotNull();
    }
}
