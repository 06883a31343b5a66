package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * The second wall behind the boundary's text checks: issuing validates the UBL it
 * freezes (well-formed, UBL 2.1 schema) in the issuing transaction, so a document
 * nobody can read is never issued — no number spent, no job queued, sales unchanged.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrozenDocumentApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient seller;

    @BeforeAll
    void setUp() {
        staff.add("mikkel", Role.MANAGER);
        staff.add("stine", Role.SELLER);
        manager = staff.login("mikkel");
        seller = staff.login("stine");
    }

    String company(String name) {
        var r = seller.post("/api/v1/companies", "{\"name\":\"" + name + "\",\"status\":\"CUSTOMER\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    String draftFor(String company) {
        var sale = seller.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}");
        String saleId = ApiClient.field(sale.body(), "id");
        assertThat(seller.post("/api/v1/sales/" + saleId + "/lines", "{\"description\":\"Annonse\",\"quantity\":1,\"unit\":\"PIECE\","
                + "\"unitPrice\":100000}").statusCode()).isEqualTo(201);
        var draft = manager.post("/api/v1/invoices", "{\"saleIds\":[" + saleId + "]}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        return ApiClient.field(draft.body(), "id");
    }

    /** Behind the API, as a bug or an old row could leave it: the boundary refuses it over HTTP. */
    void sql(String statement, Object... params) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    long series() {
        return Db.count(dataSource, "SELECT next_no FROM invoice_series");
    }

    long written() {
        return Db.count(dataSource, "SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_entry) "
                + "+ (SELECT count(*) FROM invoice WHERE number IS NOT NULL) + (SELECT count(*) FROM sale_stage_change)");
    }

    @Test
    void anInvoiceWhoseDocumentIsNotWellFormedIsNotIssuedAndSpendsNothing() {
        String company = company("Kontrolltegn AS");
        String draft = draftFor(company);
        sql("UPDATE company SET name = 'Kontroll' || chr(1) || 'tegn AS' WHERE id = ?", Long.parseLong(company));
        long series = series();
        long written = written();

        var refused = manager.post("/api/v1/invoices/" + draft + "/issue", "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ApiClient.field(refused.body(), "code")).isEqualTo("invoice.document-invalid");
        assertThat(ApiClient.field(refused.body(), "detail")).contains("not well-formed", "line");
        assertThat(series()).as("the number is not spent").isEqualTo(series);
        assertThat(written()).as("no number, job, audit entry or stage change").isEqualTo(written);
        assertThat(Db.text(dataSource, "SELECT status FROM invoice WHERE id = ?", Long.parseLong(draft))).isEqualTo("DRAFT");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale WHERE invoice_id = ? AND stage = 'ORDERED'", Long.parseLong(draft)))
                .isEqualTo(1);

        sql("UPDATE company SET name = 'Kontrolltegn AS' WHERE id = ?", Long.parseLong(company));
        var issued = manager.post("/api/v1/invoices/" + draft + "/issue", "");
        assertThat(issued.statusCode()).as("once the name is mended: " + issued.body()).isEqualTo(200);
        assertThat(ApiClient.field(issued.body(), "number")).isEqualTo(Long.toString(series));
    }

    @Test
    void aCreditNoteWhoseDocumentCannotBeReadIsNotIssued() {
        String invoice = draftFor(company("Kreditert AS"));
        assertThat(manager.post("/api/v1/invoices/" + invoice + "/issue", "").statusCode()).isEqualTo(200);
        long series = series();
        long written = written();

        HttpResponse<String> refused = manager.post("/api/v1/invoices/" + invoice + "/credit-notes", "{\"reason\":\"Feil\\u0001pris\"}");
        // the boundary refuses the control character (400) where it checks text; behind it, the document check (422)
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(series()).isEqualTo(series);
        assertThat(written()).isEqualTo(written);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM invoice WHERE credited_invoice_id = ?", Long.parseLong(invoice))).isZero();
        assertThat(Db.text(dataSource, "SELECT status FROM invoice WHERE id = ?", Long.parseLong(invoice))).isEqualTo("ISSUED");
    }
}
