package no.kontor.adapters.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;

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
import no.kontor.domain.identity.Role;

/**
 * Dashboards over HTTP: saved by managers, opened by staff; a published link shows that
 * dashboard without a login, only in frames the configuration allows, and answers 404 the
 * moment it is revoked.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardControllerTest {
    static final String BOARD = "{\"name\":\"<script>alert(1)</script>\",\"widgets\":[{\"kind\":\"FRESHNESS\"},"
            + "{\"kind\":\"SALES\",\"period\":\"THIS_MONTH\",\"grain\":\"WEEK\",\"by\":\"SELLER\"},{\"kind\":\"FUNNEL\",\"period\":\"LAST_30_DAYS\","
            + "\"team\":\"Nord\"},{\"kind\":\"GOALS\",\"period\":\"THIS_YEAR\"}]}";

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;
    @Inject
    InMemoryAuditTrail audit;

    ApiClient manager;
    ApiClient seller;
    ApiClient nobody;

    @BeforeAll
    void setUp() {
        staff.user("board-manager", Role.MANAGER);
        staff.user("board-seller", Role.SELLER);
        manager = ApiClient.anonymous(server.getURI()).login("board-manager", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("board-seller", Staff.PASSWORD);
        nobody = ApiClient.anonymous(server.getURI());
    }

    String created() {
        var answer = manager.post("/api/v1/dashboards", BOARD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return ApiClient.field(answer.body(), "id");
    }

    @Test
    void aManagerSavesADashboardAndASellerOpensItsFigures() {
        String id = created();
        assertThat(seller.get("/api/v1/dashboards").body()).contains("\"id\":" + id);
        var figures = seller.get("/api/v1/dashboards/" + id + "/figures");
        assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
        assertThat(figures.body()).contains("\"kind\":\"FRESHNESS\"", "\"UP_TO_30\":3", "\"kind\":\"SALES\"", "\"by\":\"SELLER\"",
                "\"kind\":\"FUNNEL\"", "\"team\":\"Nord\"", "\"kind\":\"GOALS\"");
        assertThat(seller.post("/api/v1/dashboards", BOARD).statusCode()).as("sellers do not save dashboards").isEqualTo(403);
        assertThat(seller.post("/api/v1/dashboards/" + id + "/links", "{}").statusCode()).as("nor publish them").isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"x\",\"widgets\":[{\"kind\":\"FRESHNESS\",\"period\":\"THIS_MONTH\"}]}",
        "{\"name\":\"x\",\"widgets\":[{\"kind\":\"SALES\"}]}", "{\"name\":\"x\",\"widgets\":[{\"kind\":\"SALES\",\"period\":\"THIS_MONTH\",\"grain\":\"FORTNIGHT\"}]}",
        "{\"name\":\"x\",\"widgets\":[{\"kind\":\"SALES\",\"period\":\"THIS_MONTH\",\"team\":\"Nord\"}]}",
        "{\"name\":\"x\",\"widgets\":[{\"kind\":\"ENGAGEMENT\",\"period\":\"THIS_MONTH\",\"answerDays\":0}]}",
        "{\"name\":\"x\",\"widgets\":[]}", "{\"name\":\"\",\"widgets\":[{\"kind\":\"FRESHNESS\"}]}", "{\"name\":\"x\",\"widgets\":[null]}",
        "{\"name\":\"x\",\"widgets\":[{\"kind\":\"GOSSIP\"}]}", "{\"name\":\"x\",\"widgets\":[{\"kind\":\"SALES\",\"period\":\"NEXT_CENTURY\"}]}"})
    void badDashboardsAreRefused(String body) {
        var answer = manager.post("/api/v1/dashboards", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    }

    @Test
    void twentyOneWidgetsAreTooMany() {
        var widgets = String.join(",", java.util.Collections.nCopies(21, "{\"kind\":\"FRESHNESS\"}"));
        assertThat(manager.post("/api/v1/dashboards", "{\"name\":\"x\",\"widgets\":[" + widgets + "]}").statusCode()).isEqualTo(400);
    }

    @Test
    void aPublishedLinkShowsTheDashboardWithoutALoginUntilItIsRevoked() {
        String id = created();
        var published = manager.post("/api/v1/dashboards/" + id + "/links", "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        String token = ApiClient.field(published.body(), "token");
        String linkId = published.body().replaceAll(".*\"link\":\\{\"id\":(\\d+).*", "$1");
        assertThat(token).hasSize(43);

        var json = nobody.get("/api/v1/dashboards/shared/" + token);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"kind\":\"FRESHNESS\"");
        assertThat(json.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(json.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        var page = nobody.get("/dashboards/shared/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");

        assertThat(manager.get("/api/v1/dashboards/" + id + "/links").body()).contains("\"works\":true").doesNotContain(token);
        assertThat(manager.send(manager.request("/api/v1/dashboards/" + id + "/links/" + linkId).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(nobody.get("/api/v1/dashboards/shared/" + token).statusCode()).as("revoked: gone at once").isEqualTo(404);
        assertThat(nobody.get("/dashboards/shared/" + token).statusCode()).isEqualTo(404);
        assertThat(manager.send(manager.request("/api/v1/dashboards/" + id + "/links/" + linkId).DELETE().build()).statusCode())
                .as("revoking again changes nothing").isEqualTo(204);
        assertThat(audit.events()).filteredOn(e -> e.recordType().equals("dashboard-link") && e.recordId().equals(linkId))
                .extracting(e -> e.action()).containsExactly("created", "revoked");
    }

    @Test
    void unknownAndHostileTokensAreNotFoundAndAnExpiryMustLieAhead() {
        assertThat(nobody.get("/api/v1/dashboards/shared/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(nobody.get("/api/v1/dashboards/shared/" + "x".repeat(500)).statusCode()).isEqualTo(404);
        assertThat(nobody.get("/api/v1/dashboards/shared/%27%20OR%201=1").statusCode()).isEqualTo(404);
        String id = created();
        var past = manager.post("/api/v1/dashboards/" + id + "/links", "{\"expiresAt\":\"" + OffsetDateTime.now().minusDays(1) + "\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/v1/dashboards/987654/links", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeNeedsTheCurrentVersion() {
        String id = created();
        var stale = manager.send(manager.request("/api/v1/dashboards/" + id).header("Content-Type", "application/json")
                .header("If-Match", "\"7\"").PUT(HttpRequest.BodyPublishers.ofString(BOARD)).build());
        assertThat(stale.statusCode()).isIn(409, 412);
        var changed = manager.send(manager.request("/api/v1/dashboards/" + id).header("Content-Type", "application/json")
                .header("If-Match", "\"0\"").PUT(HttpRequest.BodyPublishers.ofString(BOARD.replace("<script>alert(1)</script>", "Salg")))
                .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"name\":\"Salg\"", "\"version\":1");
    }
}
