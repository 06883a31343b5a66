package no.kontor.adapters.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

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
import no.kontor.domain.identity.Role;

/** The KPI endpoints over HTTP on canned rows: every member of staff reads them; bad parameters are refused by name. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiControllerTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    ApiClient seller;

    @BeforeAll
    void setUp() {
        staff.user("kpi-seller", Role.SELLER);
        seller = ApiClient.anonymous(server.getURI()).login("kpi-seller", Staff.PASSWORD);
    }

    @Test
    void aSellerReadsEveryKpi() {
        assertThat(seller.get("/api/v1/kpis/freshness").body()).contains("\"team\":\"Nord\"", "\"UP_TO_30\":3", "\"NEVER\":1",
                "\"team\":null");
        assertThat(seller.get("/api/v1/kpis/silent-customers?days=90&limit=5").body()).contains("\"name\":\"Stille AS\"",
                "\"lastContactAt\":null");
        assertThat(seller.get("/api/v1/kpis/engagement?from=2020-02-01&to=2020-02-29").body()).contains("\"answerDays\":7",
                "\"percent\":25.0", "\"activitiesPerWonSale\":3.0", "\"activitiesPerLostSale\":null", "\"unsubscribedTotal\":5");
        assertThat(seller.get("/api/v1/kpis/response-times?from=2020-02-01&to=2020-02-29").body()).contains("\"medianSeconds\":3600",
                "\"unanswered\":1", "\"businessHours\":false");
        assertThat(seller.get("/api/v1/kpis/conversion?from=2020-02-01&to=2020-02-29").body()).contains("\"leadToOrdered\":25.0",
                "\"offeredToOrdered\":50.0");
        assertThat(seller.get("/api/v1/kpis/funnel?from=2020-02-01&to=2020-02-29&team=Nord").body()).contains("\"stage\":\"OFFERED\"",
                "\"dropOffFromPrevious\":50.0", "\"lost\":1");
        assertThat(seller.get("/api/v1/kpis/mail-out?campaign=V%C3%A5r").body()).contains("\"campaign\":\"Vår\"", "\"percent\":25.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/kpis/freshness", "/api/v1/kpis/silent-customers", "/api/v1/kpis/engagement?from=2020-02-01&to=2020-02-29",
        "/api/v1/kpis/response-times?from=2020-02-01&to=2020-02-29", "/api/v1/kpis/conversion?from=2020-02-01&to=2020-02-29",
        "/api/v1/kpis/funnel?from=2020-02-01&to=2020-02-29"})
    void nobodyReadsThemWithoutLoggingIn(String path) {
        assertThat(ApiClient.anonymous(server.getURI()).get(path).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/kpis/engagement?to=2020-02-29", "/api/v1/kpis/engagement?from=2020-02-01&to=2020-02-29&answerDays=0",
        "/api/v1/kpis/engagement?from=2020-02-01&to=2020-02-29&answerDays=91", "/api/v1/kpis/response-times?from=2020-03-01&to=2020-02-01",
        "/api/v1/kpis/conversion?from=2020-01-01&to=2021-01-02", "/api/v1/kpis/funnel?from=x&to=2020-02-29",
        "/api/v1/kpis/silent-customers?days=-1", "/api/v1/kpis/silent-customers?limit=1001", "/api/v1/kpis/silent-customers?limit=x",
        "/api/v1/kpis/response-times?from=2020-02-01&to=2020-02-29&businessHours=maybe", "/api/v1/kpis/mail-out",
        "/api/v1/kpis/mail-out?campaign=%20", "/api/v1/kpis/mail-out?campaign=x&answerDays=100"})
    void badParametersAreRefused(String path) {
        var answer = seller.get(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"status\":400");
    }

    @Test
    void aRefusalNamesTheParameterAndItsRule() {
        var answer = seller.get("/api/v1/kpis/engagement?from=2020-02-01&to=2020-02-29&answerDays=91");
        assertThat(answer.body()).contains("\"report.answer-days-invalid\"", "answerDays is 1–90");
    }
}
