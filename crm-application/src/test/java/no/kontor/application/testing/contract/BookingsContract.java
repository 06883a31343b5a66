package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.inventory.port.Bookings;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Bookings} does: above all, no placement is booked twice for a day. */
public abstract class BookingsContract extends PortContract {
    private static final Period MARCH = new Period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7));

    private Bookings bookings() {
        return port(Bookings.class);
    }

    @Test
    void aBookingIsStoredAndFoundByItsSaleAndByTheDaysItHolds() {
        var placement = placementId();
        var sale = sale(SaleStage.ORDERED);
        var stored = tx(() -> bookings().add(Booking.reserve(placement, sale, MARCH, "user:1", now())));
        assertThat(bookings().find(stored.id())).contains(stored);
        assertThat(bookings().ofSale(sale)).containsExactly(stored);
        assertThat(bookings().overlapping(placement, new Period(LocalDate.of(2027, 3, 7), LocalDate.of(2027, 3, 9))))
                .containsExactly(stored);
        assertThat(bookings().overlapping(placement, new Period(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 9)))).isEmpty();
        assertThat(bookings().activeIn(MARCH).get(placement)).containsExactly(stored);
    }

    @Test
    void anOverlappingActiveBookingIsRefusedAndACancelledOneFreesItsDays() {
        var placement = placementId();
        var first = tx(() -> bookings().add(Booking.reserve(placement, sale(SaleStage.ORDERED), MARCH, "user:1", now())));
        var other = sale(SaleStage.ORDERED);
        assertThatThrownBy(() -> tx(() -> bookings().add(Booking.reserve(placement, other, new Period(LocalDate.of(2027, 3, 7),
                LocalDate.of(2027, 3, 7)), "user:1", now())))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("booking.conflict"));

        var cancelled = tx(() -> bookings().update(first.cancel("user:1", now())));
        assertThat(cancelled.status()).isEqualTo(Booking.Status.CANCELLED);
        assertThat(bookings().overlapping(placement, MARCH)).isEmpty();
        assertThat(tx(() -> bookings().add(Booking.reserve(placement, other, MARCH, "user:1", now()))).status())
                .isEqualTo(Booking.Status.RESERVED);
    }

    @Test
    void anUpdateRaisesTheVersionAndAStaleOneIsRefused() {
        var stored = tx(() -> bookings().add(Booking.reserve(placementId(), sale(SaleStage.ORDERED), MARCH, "user:1", now())));
        var confirmed = tx(() -> bookings().update(stored.confirm("user:2", now())));
        assertThat(confirmed.version()).isEqualTo(1);
        assertThatThrownBy(() -> tx(() -> bookings().update(stored.cancel("user:3", now())))).isInstanceOf(StaleVersionException.class);
        assertThat(bookings().find(stored.id()).orElseThrow().status()).isEqualTo(Booking.Status.CONFIRMED);
    }

    @Test
    void aSalesBookingsArePagedByFirstDay() {
        var sale = sale(SaleStage.ORDERED);
        for (int week = 0; week < 3; week++) {
            var first = LocalDate.of(2027, 5, 1).plusWeeks(2 - week);
            tx(() -> bookings().add(Booking.reserve(placementId(), sale, new Period(first, first.plusDays(2)), "user:1", now())));
        }
        var page = bookings().ofSale(sale, null, 2);
        var rest = bookings().ofSale(sale, page.nextCursor(), 2);
        assertThat(page.items()).extracting(b -> b.period().firstDay())
                .containsExactly(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 8));
        assertThat(rest.items()).extracting(b -> b.period().firstDay()).containsExactly(LocalDate.of(2027, 5, 15));
        assertThat(rest.nextCursor()).isNull();
    }
}
