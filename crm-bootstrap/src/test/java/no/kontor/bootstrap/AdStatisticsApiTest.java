package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * The ad server's statistics over HTTP on PostgreSQL: a placement mapped to a zone and a booking
 * to a banner; a file checked at once and imported in the background (202, then its status);
 * rows no booking has and rows outside the booking's days reported back, not counted; a day
 * imported again replaces its figures; the figures per company, per booking and on My page
 * (another company's booking: 404); the revenue per thousand impressions.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdStatisticsApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    TestCustomers customers;
    @Inject
    DataSource dataSource;

    ApiClient admin;
    String company;
    String booking;
    String otherBooking;
    String invoice;

    @BeforeAll
    void setUp() {
        admin = staff.admin();
        company = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Annonsør AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String other = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Annen AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String placement = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Toppbanner\",\"unit\":\"DAY\",\"channel\":\"nett\"}")
                .body(), "id");
        String side = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Sidebanner\",\"unit\":\"DAY\",\"channel\":\"nett\"}")
                .body(), "id");
        booking = book(company, placement, "2026-11-01", "2026-11-03");
        otherBooking = book(other, side, "2026-11-01", "2026-11-30");
        assertThat(admin.post("/api/v1/placements/" + placement + "/ad-zone", "{\"zoneId\":\"7\"}").statusCode()).isEqualTo(204);
        assertThat(admin.post("/api/v1/bookings/" + otherBooking + "/ad-banner", "{\"bannerId\":\"12\"}").statusCode()).isEqualTo(204);
        invoice = ApiInvoices.issued(admin, admin, company)[0];
    }

    String book(String companyId, String placement, String first, String last) {
        String sale = ApiClient.field(admin.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}").body(), "id");
        var r = admin.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement + ",\"firstDay\":\"" + first
                + "\",\"lastDay\":\"" + last + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    HttpResponse<String> upload(ApiClient client, String csv) {
        return client.send(client.request("/api/v1/ad-statistics/imports").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    /** Imports the file and waits for it to be done; its status. */
    Map<String, Object> imported(String csv) throws InterruptedException {
        var started = upload(admin, csv);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 100; i++) {
            var status = Json.object(admin.get(location).body());
            if (!"RUNNING".equals(status.get("status"))) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not finish");
    }

    @Test
    void aZoneFileIsCountedForTheBookingOfTheDayAndWhatIsNotIsReportedBack() throws Exception {
        var done = imported("Day,Zone ID,Requests,Impressions,Clicks\n2026-11-01,7,1100,1000,10\n2026-11-04,7,600,500,1\n"
                + "2026-11-02,8,60,50,0\n");
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(Json.number(done.get("counted"))).isEqualTo(1);
        assertThat(Json.list(done.get("issues"))).extracting(i -> i.get("issue") + " " + i.get("key") + " " + i.get("day"))
                .as("by day").containsExactly("UNMATCHED 8 2026-11-02", "OUTSIDE 7 2026-11-04");

        imported("Day,Zone ID,Impressions,Clicks\n2026-11-01,7,2000,20\n2026-11-02,7,400,0\n");
        var totals = Json.list(Json.object("{\"b\":" + admin.get("/api/v1/companies/" + company + "/ad-statistics").body() + "}").get("b"));
        assertThat(totals).singleElement().satisfies(t -> {
            assertThat(Json.number(t.get("impressions"))).as("1 Nov imported again replaces it: 2000 + 400, never 3000 + 400").isEqualTo(2400);
            assertThat(Json.number(t.get("clicks"))).isEqualTo(20);
            assertThat(String.valueOf(t.get("clickThroughRate"))).isEqualTo("0.83");
        });
        var days = Json.object(admin.get("/api/v1/bookings/" + booking + "/ad-statistics").body());
        assertThat(Json.list(days.get("days"))).extracting(d -> d.get("day") + "=" + d.get("impressions"))
                .containsExactly("2026-11-01=2000", "2026-11-02=400");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'ad-statistics' AND action = 'imported'"))
                .isEqualTo(2);

        var revenue = Json.list(Json.object("{\"r\":" + admin.get("/api/v1/reports/ad-revenue?from=2026-11-01&to=2026-11-30").body() + "}")
                .get("r"));
        assertThat(revenue).anySatisfy(r -> {
            assertThat(r.get("placement")).isEqualTo("Toppbanner");
            assertThat(Json.number(r.get("impressions"))).isEqualTo(2400);
        });
    }

    @Test
    void aBannerFileGoesToItsBookingAndMyPageShowsOnlyTheCompanysOwn() throws Exception {
        var done = imported("Day,Banner ID,Impressions,Clicks\n05.11.2026,12,300,3\n");
        assertThat(Json.number(done.get("counted"))).isEqualTo(1);
        var customer = customers.login(Long.parseLong(invoice));
        var mine = customer.get("/api/v1/portal/ad-statistics");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"bookingId\":" + booking).doesNotContain("\"bookingId\":" + otherBooking);
        assertThat(customer.get("/api/v1/portal/bookings/" + booking + "/ad-statistics").statusCode()).isEqualTo(200);
        assertThat(customer.get("/api/v1/portal/bookings/" + otherBooking + "/ad-statistics").statusCode()).as("another company's").isEqualTo(404);
    }

    @Test
    void aBadFileIsRefusedWholeAtOnceAndOnlyManagersImportAndMap() {
        var bad = upload(admin, "Day,Zone ID,Impressions,Clicks\n2026-11-01,7,1000,10\n2026-13-01,7,5,0\n2026-11-02,7,-1,0\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 3", "line 4");
        assertThat(upload(admin, "").statusCode()).isEqualTo(400);
        var latin1 = admin.send(admin.request("/api/v1/ad-statistics/imports").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray("Day,Zone ID,Impressions,Clicks\n2026-11-01,7,1,0 \u00e6\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).build());
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(latin1.body()).contains("ad-statistics.encoding");
        staff.add("selger-annonse", Role.SELLER);
        var seller = staff.login("selger-annonse");
        assertThat(upload(seller, "Day,Zone ID,Impressions,Clicks\n2026-11-01,7,1,0\n").statusCode()).isEqualTo(403);
        assertThat(seller.post("/api/v1/bookings/" + booking + "/ad-banner", "{\"bannerId\":\"99\"}").statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/v1/bookings/" + booking + "/ad-banner", "{\"bannerId\":\"012\"}").statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/v1/bookings/" + booking + "/ad-banner", "{\"bannerId\":\"12\"}").statusCode()).as("another's banner")
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/bookings/999999/ad-banner", "{\"bannerId\":\"55\"}").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/ad-statistics/imports/999999").statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/reports/ad-revenue?from=2026-11-01&to=2026-11-30").statusCode()).isEqualTo(403);
    }
}
