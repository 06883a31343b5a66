package no.kontor.adapters.web.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryContacts;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.identity.Role;

/** The contact endpoints over HTTP on in-memory ports: shapes, roles, and what forgetting leaves. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactControllerTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;
    @Inject
    InMemoryCompanies companies;
    @Inject
    InMemoryContacts contacts;
    @Inject
    InMemoryAuditTrail audit;

    ApiClient seller;
    ApiClient admin;
    long companyId;

    @BeforeAll
    void setUp() {
        staff.user("sindre", Role.SELLER);
        staff.user("ada", Role.ADMIN);
        seller = ApiClient.anonymous(server.getURI()).login("sindre", Staff.PASSWORD);
        admin = ApiClient.anonymous(server.getURI()).login("ada", Staff.PASSWORD);
        companyId = companies.add(Company.register(CompanyDetails.parse("Kunde AS", null, CompanyStatus.CUSTOMER,
                null, null, null, null, null, null, null, null, null), "user:1", Instant.now())).getId().value();
    }

    @Test
    void anAuditEntryOfAContactSealsItsPersonalFieldsAndForgettingLeavesAPlaceholder() {
        var created = seller.post("/api/v1/companies/" + companyId + "/contacts", "{\"name\":\"Per Hansen\",\"email\":\"per@example.no\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiClient.field(created.body(), "id");
        var event = audit.of("contact", id).get(0);
        assertThat(event.personal().subject()).isEqualTo("contact:" + id);
        assertThat(event.personal().fields()).contains("name", "email", "phone", "title");

        assertThat(seller.post("/api/v1/contacts/" + id + "/forget", "").statusCode()).isEqualTo(403);
        var forgotten = admin.post("/api/v1/contacts/" + id + "/forget", "");
        assertThat(forgotten.body()).contains("\"forgotten\":true", "\"email\":null").doesNotContain("Per Hansen");
        assertThat(contacts.forgottenSubjects).contains("contact:" + id);
        assertThat(audit.of("contact", id).get(1).changes()).containsOnlyKeys("forgotten");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\":\"a@b.no\"}", "{\"name\":\"X\",\"email\":\"nope\"}", "{\"name\":\"X\",\"phone\":\"12\"}",
        "{\"name\":\"X\",\"unsubscribed\":\"yes\"}", "{\"name\":", "{\"name\":[\"X\"]}", "{\"name\":42}"})
    void badContactsAre400AndNothingIsStored(String body) {
        int before = contacts.size();
        var r = seller.post("/api/v1/companies/" + companyId + "/contacts", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(contacts.size()).isEqualTo(before);
    }

    @Test
    void unknownIdsAndMissingIfMatch() {
        assertThat(seller.post("/api/v1/companies/9999/contacts", "{\"name\":\"X\"}").statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/contacts/9999").statusCode()).isEqualTo(404);
        assertThat(seller.put("/api/v1/contacts/1", "{\"name\":\"X\"}", null).statusCode()).isEqualTo(428);
    }
}
