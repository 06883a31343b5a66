package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient admin;
    ApiClient seller;
    String companyId;

    @BeforeAll
    void setUp() {
        admin = staff.admin();
        staff.add("stian", Role.SELLER);
        seller = staff.login("stian");
        companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Kontaktfirma AS\",\"status\":\"CUSTOMER\"}").body(), "id");
    }

    String addOla() {
        var r = seller.post("/api/v1/companies/" + companyId + "/contacts",
                "{\"name\":\"Ola Nordmann\",\"title\":\"Daglig leder\",\"email\":\"ola@example.no\",\"phone\":\"+47 912 34 567\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    @Test
    void addListChangeWithIfMatch() {
        String id = addOla();
        assertThat(seller.get("/api/v1/companies/" + companyId + "/contacts").body()).contains("Ola Nordmann");
        var read = seller.get("/api/v1/contacts/" + id);
        assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
        String changed = "{\"name\":\"Ola Nordmann\",\"title\":\"Styreleder\",\"email\":\"ola@example.no\",\"unsubscribed\":true}";
        assertThat(seller.put("/api/v1/contacts/" + id, changed, null).statusCode()).isEqualTo(428);
        assertThat(seller.put("/api/v1/contacts/" + id, changed, "\"3\"").statusCode()).isEqualTo(412);
        var ok = seller.put("/api/v1/contacts/" + id, changed, "\"0\"");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"title\":\"Styreleder\"", "\"unsubscribed\":true");
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        long before = Db.count(dataSource, "SELECT count(*) FROM contact");
        String path = "/api/v1/companies/" + companyId + "/contacts";
        assertThat(seller.post(path, "{\"name\":\"X\",\"email\":\"not-mail\"}").body()).contains("\"field\":\"email\"");
        assertThat(seller.post(path, "{\"title\":\"Sjef\"}").body()).contains("\"field\":\"name\"");
        assertThat(seller.post(path, "{\"name\":\"X\",\"unsubscribed\":\"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(seller.post(path, "{\"name\":").statusCode()).isEqualTo(400);
        assertThat(seller.post("/api/v1/companies/999999/contacts", "{\"name\":\"X\"}").statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/contacts/999999").statusCode()).isEqualTo(404);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM contact")).isEqualTo(before);
    }

    @Test
    void anAdminForgetsAPersonAndTheChainStillVerifies() {
        String id = addOla();
        assertThat(seller.post("/api/v1/contacts/" + id + "/forget", "").statusCode()).as("sellers may not forget").isEqualTo(403);
        var history = seller.get("/api/v1/audit/records/contact/" + id);
        assertThat(history.body()).contains("ola@example.no");

        var forgotten = admin.post("/api/v1/contacts/" + id + "/forget", "");
        assertThat(forgotten.statusCode()).as(forgotten.body()).isEqualTo(200);
        assertThat(forgotten.body()).contains("\"name\":\"Glemt kontakt\"", "\"forgotten\":true").doesNotContain("Ola", "ola@");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_subject_key WHERE subject = ?", "contact:" + id)).isZero();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'contact' AND record_id = ?", id))
                .as("the old entries stay").isEqualTo(2);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE entry_text LIKE '%ola@example.no%'"))
                .as("personal values were never stored in clear").isZero();

        var after = seller.get("/api/v1/audit/records/contact/" + id);
        assertThat(after.body()).contains("[forgotten]", "\"action\":\"forgotten\"").doesNotContain("ola@example.no", "Ola Nordmann");
        assertThat(admin.post("/api/v1/audit/verify", "").body()).contains("\"valid\":true");
        var again = seller.put("/api/v1/contacts/" + id, "{\"name\":\"Ola Igjen\"}", "\"1\"");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("contact.forgotten");
    }
}
