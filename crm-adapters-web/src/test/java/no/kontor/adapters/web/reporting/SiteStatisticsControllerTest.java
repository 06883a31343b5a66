package no.kontor.adapters.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.domain.identity.Role;

/** The site statistics import over HTTP: managers only, refused whole with the lines named, UTF-8 only. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteStatisticsControllerTest {
    static final String HEADER = "date;channel;articles;page_views\n";

    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    ApiClient manager;
    ApiClient seller;

    @BeforeAll
    void setUp() {
        staff.user("site-manager", Role.MANAGER);
        staff.user("site-seller", Role.SELLER);
        manager = ApiClient.anonymous(server.getURI()).login("site-manager", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("site-seller", Staff.PASSWORD);
    }

    HttpResponse<String> post(ApiClient client, byte[] file) {
        return client.send(client.request("/api/v1/site-statistics").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    @Test
    void aManagerImportsAndEveryoneReadsTheRevenuePerArticle() {
        var answer = post(manager, (HEADER + "2020-02-03;Sport;4;1000\n2020-02-04;Sport;5;1000\n").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"lines\":2", "\"days\":2", "\"pageViews\":2000");
        var revenue = seller.get("/api/v1/reports/site-revenue?from=2020-02-01&to=2020-02-29");
        assertThat(revenue.statusCode()).as(revenue.body()).isEqualTo(200);
        assertThat(revenue.body()).contains("\"channel\":\"Sport\"", "\"articles\":9", "\"pageViews\":2000");
    }

    @Test
    void aSellerMayNotImport() {
        assertThat(post(seller, (HEADER + "2020-03-03;Sport;4;1000\n").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(seller.get("/api/v1/reports/site-revenue.csv?from=2020-02-01&to=2020-02-29").statusCode()).isEqualTo(403);
    }

    @Test
    void aBadFileIsRefusedWholeNamingItsLines() {
        var answer = post(manager, (HEADER + "2020-03-03;Sport;4;1000\n2020-03-32;Sport;4;1000\n2020-03-04;Sport;-4;1000\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("line 3", "site-statistics.date", "line 4", "site-statistics.articles");
        assertThat(seller.get("/api/v1/reports/site-revenue?from=2020-03-01&to=2020-03-31").body()).as("nothing of it was kept")
                .doesNotContain("Sport");
    }

    @Test
    void anEmptyALatin1AndAnOversizeFileAreRefused() {
        assertThat(post(manager, new byte[0]).statusCode()).isEqualTo(400);
        var latin1 = (HEADER + "2020-03-03;Været;4;1000\n").getBytes(StandardCharsets.ISO_8859_1);
        var answer = post(manager, latin1);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("site-statistics.encoding");
        var huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(post(manager, huge).statusCode()).isEqualTo(413);
    }
}
