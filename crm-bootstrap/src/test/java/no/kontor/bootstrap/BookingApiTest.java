package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** The first promise of docs/architecture.md#promises: a placement is never booked twice for a day. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient admin;
    ApiClient seller;
    String saleId;

    @BeforeAll
    void setUp() {
        admin = staff.admin();
        staff.add("bodil", Role.SELLER);
        seller = staff.login("bodil");
        String companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Annonsør AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        var sale = seller.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}");
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
        saleId = ApiClient.field(sale.body(), "id");
    }

    String placement(String name) {
        var r = admin.post("/api/v1/placements", "{\"name\":\"" + name + "\",\"unit\":\"DAY\",\"channel\":\"Forside\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    java.net.http.HttpResponse<String> book(String placementId, String first, String last) {
        return seller.post("/api/v1/bookings", "{\"saleId\":" + saleId + ",\"placementId\":" + placementId
                + ",\"firstDay\":\"" + first + "\",\"lastDay\":\"" + last + "\"}");
    }

    @Test
    void fiftyConcurrentOverlappingAttemptsExactlyOneWins() throws Exception {
        String placement = placement("Toppbanner");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int shift = i % 5; // every period shares days with every other: 2027-03-01..07 shifted by 0-4 days
            results.add(pool.submit(() -> {
                start.await();
                return book(placement, "2027-03-0" + (1 + shift), "2027-03-" + String.format("%02d", 7 + shift)).statusCode();
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM booking WHERE placement_id = ?", Long.parseLong(placement))).isEqualTo(1);
    }

    @Test
    void adjacentPeriodsAllSucceedAndOneSharedDayIsRefusedNamingTheBooking() {
        String placement = placement("Sidebanner");
        var first = book(placement, "2027-04-01", "2027-04-07");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(book(placement, "2027-04-08", "2027-04-14").statusCode()).isEqualTo(201);
        assertThat(book(placement, "2027-03-25", "2027-03-31").statusCode()).isEqualTo(201);
        var clash = book(placement, "2027-04-07", "2027-04-07");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("booking.conflict", "\"bookingId\":" + ApiClient.field(first.body(), "id"),
                "\"firstDay\":\"2027-04-01\"", "\"lastDay\":\"2027-04-07\"");
    }

    @Test
    void aCancelledBookingFreesItsDays() {
        String placement = placement("Artikkelbanner");
        var booked = book(placement, "2027-05-01", "2027-05-07");
        String id = ApiClient.field(booked.body(), "id");
        assertThat(seller.post("/api/v1/bookings/" + id + "/confirm", "").body()).contains("\"status\":\"CONFIRMED\"");
        assertThat(book(placement, "2027-05-03", "2027-05-04").statusCode()).isEqualTo(409);
        assertThat(seller.post("/api/v1/bookings/" + id + "/cancel", "").body()).contains("\"status\":\"CANCELLED\"");
        assertThat(seller.post("/api/v1/bookings/" + id + "/cancel", "").statusCode()).isEqualTo(409);
        assertThat(book(placement, "2027-05-03", "2027-05-04").statusCode()).isEqualTo(201);
        assertThat(seller.get("/api/v1/audit/records/booking/" + id).body()).contains("\"after\":\"CANCELLED\"");
    }

    @Test
    void aSaleMovesThroughItsStagesKeepsItsHistoryAndACancelledOneFreesItsPlacements() {
        String companyId = ApiClient.field(seller.post("/api/v1/companies", "{\"name\":\"Trakt AS\",\"status\":\"PROSPECT\"}").body(), "id");
        String sale = ApiClient.field(seller.post("/api/v1/sales", "{\"companyId\":" + companyId + "}").body(), "id");
        String path = "/api/v1/sales/" + sale + "/stage";
        assertThat(seller.post(path, "{\"stage\":\"OFFERED\"}").body()).contains("\"stage\":\"OFFERED\"");
        assertThat(seller.post(path, "{\"stage\":\"LEAD\"}").statusCode()).as("no way back").isEqualTo(409);
        assertThat(seller.post(path, "{\"stage\":\"INVOICED\"}").statusCode()).as("invoicing only").isEqualTo(409);
        assertThat(seller.post(path, "{\"stage\":\"ORDERED\"}").statusCode()).isEqualTo(200);

        String placement = placement("Traktbanner");
        var booking = seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement
                + ",\"firstDay\":\"2027-08-01\",\"lastDay\":\"2027-08-07\"}");
        assertThat(booking.statusCode()).isEqualTo(201);
        assertThat(seller.post(path, "{\"stage\":\"CANCELLED\"}").body()).as("a reason is needed").contains("\"field\":\"reason\"");
        assertThat(seller.post(path, "{\"stage\":\"CANCELLED\",\"reason\":\"Budsjett kuttet\"}").statusCode()).isEqualTo(200);

        assertThat(Db.text(dataSource, "SELECT status FROM booking WHERE id = ?", Long.parseLong(ApiClient.field(booking.body(), "id"))))
                .isEqualTo("CANCELLED");
        assertThat(book(placement, "2027-08-03", "2027-08-04").statusCode()).as("the days are free again").isEqualTo(201);
        var history = seller.get("/api/v1/sales/" + sale + "/stage-history");
        assertThat(history.body()).containsSubsequence("\"to\":\"LEAD\"", "\"to\":\"OFFERED\"", "\"to\":\"ORDERED\"",
                "\"to\":\"CANCELLED\"", "Budsjett kuttet");
        assertThat(seller.post(path, "{\"stage\":\"ORDERED\"}").statusCode()).as("cancelled is final").isEqualTo(409);
        assertThat(seller.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement
                + ",\"firstDay\":\"2027-09-01\",\"lastDay\":\"2027-09-02\"}").body()).contains("sale.closed");
    }

    @Test
    void availabilityShowsBookedAndFreePeriodsPerPlacementAndForAll() {
        String placement = placement("Kalenderbanner");
        String booked = ApiClient.field(book(placement, "2027-10-05", "2027-10-09").body(), "id");
        var cancelled = book(placement, "2027-10-20", "2027-10-21");
        seller.post("/api/v1/bookings/" + ApiClient.field(cancelled.body(), "id") + "/cancel", "");
        var one = seller.get("/api/v1/placements/" + placement + "/availability?from=2027-10-01&to=2027-10-31");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(one.body()).containsSubsequence(
                "\"firstDay\":\"2027-10-01\",\"lastDay\":\"2027-10-04\",\"free\":true",
                "\"firstDay\":\"2027-10-05\",\"lastDay\":\"2027-10-09\",\"free\":false,\"bookingId\":" + booked,
                "\"firstDay\":\"2027-10-10\",\"lastDay\":\"2027-10-31\",\"free\":true");
        var all = seller.get("/api/v1/placements/availability?from=2027-10-01&to=2027-10-31");
        assertThat(all.body()).contains("\"placementId\":" + placement, "\"bookingId\":" + booked);
        assertThat(seller.get("/api/v1/placements/" + placement + "/availability?from=2027-10-31&to=2027-10-01").body()).contains("\"field\":\"to\"");
        assertThat(seller.get("/api/v1/placements/" + placement + "/availability?from=2027-10-01").statusCode()).isEqualTo(400);
        assertThat(seller.get("/api/v1/placements/999999/availability?from=2027-10-01&to=2027-10-02").statusCode()).isEqualTo(404);
    }

    @Test
    void theDatabaseHoldsThePromiseEvenWithoutTheJavaCheck() throws Exception {
        String placement = placement("Databasebanner");
        assertThat(book(placement, "2027-06-01", "2027-06-07").statusCode()).isEqualTo(201);
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO booking (placement_id, sale_id, first_day, last_day, status, created_by, "
                    + "created_at, changed_by, changed_at) VALUES (" + placement + ", " + saleId + ", '2027-06-07', '2027-06-09', "
                    + "'RESERVED', 'sql', now(), 'sql', now())")).hasMessageContaining("booking_no_overlap");
        }
    }

    @Test
    void badBookingsAreRefused() {
        String placement = placement("Feilbanner");
        assertThat(book(placement, "2027-07-07", "2027-07-01").body()).contains("\"field\":\"lastDay\"");
        assertThat(book(placement, "07.07.2027", "2027-07-08").statusCode()).isEqualTo(400);
        assertThat(book("999999", "2027-07-01", "2027-07-02").statusCode()).isEqualTo(404);
        assertThat(seller.post("/api/v1/bookings", "{\"saleId\":999999,\"placementId\":" + placement
                + ",\"firstDay\":\"2027-07-01\",\"lastDay\":\"2027-07-02\"}").statusCode()).isEqualTo(404);
        assertThat(seller.post("/api/v1/bookings", "{\"placementId\":" + placement + "}").statusCode()).isEqualTo(400);
        assertThat(seller.post("/api/v1/placements", "{\"name\":\"Min\",\"unit\":\"DAY\"}").statusCode()).as("admin only").isEqualTo(403);
        assertThat(admin.post("/api/v1/placements", "{\"name\":\"Feilbanner\",\"unit\":\"DAY\"}").statusCode()).isEqualTo(409);
        assertThat(admin.post("/api/v1/placements", "{\"name\":\"X\",\"unit\":\"MONTH\"}").statusCode()).isEqualTo(400);
    }
}
