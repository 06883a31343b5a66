package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.application.sale.ExpireReservations;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.BusinessDays;

/**
 * A reservation from the public order form that staff do not confirm within seven
 * days expires, on PostgreSQL, over HTTP: the clock is moved, not waited for, and the
 * job is run here (its schedule is an hour away in this test).
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.test.movable-clock", value = "true")
@Property(name = "kontor.order-form.posts-per-minute", value = "100000")
@Property(name = "kontor.public-orders.expiry-interval", value = "1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservationExpiryApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;
    @Inject
    EmbeddedServer server;
    @Inject
    MovableClock clock;
    @Inject
    ExpireReservations expiry;

    ApiClient admin;
    ApiClient seller;
    ApiClient anonymous;
    LocalDate first;

    @BeforeAll
    void setUp() {
        admin = staff.admin();
        staff.add("selma", Role.SELLER);
        seller = staff.login("selma");
        anonymous = ApiClient.anonymous(server.getURI());
        first = BusinessDays.dayOf(Instant.now()).plusDays(40);
    }

    String placement(String name) {
        var r = admin.post("/api/v1/placements", "{\"name\":\"" + name + "\",\"unit\":\"DAY\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    /** Orders the placement from the form; the sale's id as staff find it by the reference. */
    long order(String placement, String email, LocalDate from, LocalDate to) {
        var r = anonymous.post("/api/v1/public/orders", "{\"companyName\":\"Utløp " + email + "\",\"contactName\":\"K\",\"email\":\""
                + email + "\",\"placementId\":" + placement + ",\"firstDay\":\"" + from + "\",\"lastDay\":\"" + to + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(Json.object(r.body())).containsEntry("reserved", true);
        var found = seller.get("/api/v1/sales?orderReference=" + Json.object(r.body()).get("orderReference"));
        return Json.number(Json.list(Json.object(found.body()).get("items")).get(0).get("id"));
    }

    long bookingOf(long sale) {
        return Long.parseLong(Db.text(dataSource, "SELECT max(id)::text FROM booking WHERE sale_id = ?", sale));
    }

    String stage(long sale) {
        return (String) Json.object(seller.get("/api/v1/sales/" + sale).body()).get("stage");
    }

    @Test
    void anUnconfirmedReservationExpiresAConfirmedOneStaysAndTheDaysCanBeOrderedAgain() {
        String expiring = placement("Utløpsbanner");
        String kept = placement("Bekreftetbanner");
        long lapsed = order(expiring, "a@utlop.no", first, first.plusDays(6));
        long confirmed = order(kept, "b@bekreftet.no", first, first.plusDays(6));
        var confirm = seller.post("/api/v1/bookings/" + bookingOf(confirmed) + "/confirm", "");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);

        clock.advance(Duration.ofDays(6));
        expiry.run();
        assertThat(stage(lapsed)).as("six days: still reserved").isEqualTo("ORDERED");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        expiry.run();

        assertThat(Db.text(dataSource, "SELECT status || '/' || changed_by FROM booking WHERE id = ?", bookingOf(lapsed)))
                .isEqualTo("CANCELLED/system:reservation-expiry");
        assertThat(stage(lapsed)).isEqualTo("LEAD");
        var availability = seller.get("/api/v1/placements/" + expiring + "/availability?from=" + first + "&to=" + first.plusDays(6));
        assertThat(availability.body()).contains("\"firstDay\":\"" + first + "\",\"lastDay\":\"" + first.plusDays(6) + "\",\"free\":true");
        long company = Long.parseLong(Db.text(dataSource, "SELECT company_id::text FROM sale WHERE id = ?", lapsed));
        var timeline = seller.get("/api/v1/companies/" + company + "/activities");
        assertThat(timeline.body()).contains("Reservasjon utløpt: Utløpsbanner " + first + "–" + first.plusDays(6));
        assertThat(Db.count(dataSource, "SELECT count(*) FROM activity WHERE company_id = ? AND actor = 'system:reservation-expiry'",
                company)).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE actor = 'system:reservation-expiry' AND "
                + "(record_type, record_id) IN (('booking', ?), ('sale', ?))", String.valueOf(bookingOf(lapsed)), String.valueOf(lapsed)))
                .as("the booking's cancellation and the sale's stage change").isEqualTo(2);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE actor = 'system:reservation-expiry' "
                + "AND record_type = 'activity'")).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale_stage_change WHERE sale_id = ? AND to_stage = 'LEAD' "
                + "AND changed_by = 'system:reservation-expiry'", lapsed)).isEqualTo(1);

        assertThat(Db.text(dataSource, "SELECT status FROM booking WHERE id = ?", bookingOf(confirmed))).isEqualTo("CONFIRMED");
        assertThat(stage(confirmed)).isEqualTo("ORDERED");

        expiry.run();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE actor = 'system:reservation-expiry'"))
                .as("a second run finds nothing more").isEqualTo(3);

        long again = order(expiring, "c@igjen.no", first, first.plusDays(6));
        assertThat(Db.text(dataSource, "SELECT status FROM booking WHERE id = ?", bookingOf(again))).isEqualTo("RESERVED");
        assertThat(stage(again)).isEqualTo("ORDERED");
        var audit = admin.post("/api/v1/audit/verify", "");
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(Json.object(audit.body())).as("the chain holds").containsEntry("valid", true);
    }
}
