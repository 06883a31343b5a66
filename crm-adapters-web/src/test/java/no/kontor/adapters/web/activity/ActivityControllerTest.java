package no.kontor.adapters.web.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

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
import no.kontor.application.testing.InMemoryActivities;
import no.kontor.domain.identity.Role;

/** The activity endpoints over HTTP on in-memory ports: shapes, statuses and the overdue flag. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityControllerTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;
    @Inject
    InMemoryActivities activities;

    ApiClient seller;
    long sellerId;

    @BeforeAll
    void setUp() {
        sellerId = staff.user("sindre", Role.SELLER).getId();
        activities.activeUsers.add(sellerId);
        activities.companies.add(1L);
        seller = ApiClient.anonymous(server.getURI()).login("sindre", Staff.PASSWORD);
    }

    @Test
    void aLoggedActivityComesBackWithItsFollowUpMarkedOverdue() {
        var r = seller.post("/api/v1/companies/1/activities", "{\"kind\":\"MEETING\",\"direction\":\"INBOUND\",\"subject\":\"Møte\","
                + "\"occurredAt\":\"2026-03-02T10:00:00+01:00\",\"followUp\":{\"dueDate\":\"" + TODAY.minusDays(1) + "\",\"assigneeId\":" + sellerId + "}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(r.body()).contains("\"occurredAt\":\"2026-03-02T10:00:00+01:00\"", "\"stage\":\"TO_DO\"", "\"overdue\":true",
                "\"actor\":\"user:" + sellerId + "\"");
        assertThat(seller.get("/api/v1/worklist").body()).contains("Møte");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown kind       | {"kind":"TELEGRAM","direction":"INBOUND","subject":"x"}            | 400 | kind
            missing direction  | {"kind":"NOTE","subject":"x"}                                      | 400 | direction
            blank subject      | {"kind":"NOTE","direction":"INBOUND","subject":" "}                | 400 | subject
            bad time           | {"kind":"NOTE","direction":"INBOUND","subject":"x","occurredAt":"i går"} | 400 | occurredAt
            due date missing   | {"kind":"NOTE","direction":"INBOUND","subject":"x","followUp":{}}  | 400 | dueDate
            unknown stage      | {"kind":"NOTE","direction":"INBOUND","subject":"x","followUp":{"dueDate":"2026-12-01","stage":"SOMEDAY"}} | 400 | stage
            malformed          | {"kind":                                                           | 400 | problem
            """)
    void badActivitiesAreProblemsNamingTheField(String name, String body, int status, String expected) {
        int before = activities.size();
        var r = seller.post("/api/v1/companies/1/activities", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("") + r.body()).contains(expected);
        assertThat(activities.size()).isEqualTo(before);
    }

    @Test
    void unknownCompaniesActivitiesAndBadPagesAreClear() {
        assertThat(seller.post("/api/v1/companies/77/activities", "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"x\"}")
                .statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/activities/424242").statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/worklist?limit=0").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/worklist?user=" + (sellerId + 1)).statusCode()).as("not a manager").isEqualTo(403);
        assertThat(seller.put("/api/v1/activities/1/follow-up", "{\"dueDate\":\"2026-12-01\"}", null).statusCode()).isEqualTo(428);
    }
}
