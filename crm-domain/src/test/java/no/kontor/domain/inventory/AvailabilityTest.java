package no.kontor.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.domain.sale.SaleId;

class AvailabilityTest {
    static final PlacementId P = new PlacementId(1);

    static Period march(int first, int last) {
        return new Period(LocalDate.of(2026, 3, first), LocalDate.of(2026, 3, last));
    }

    static Booking booked(long id, Period period) {
        return Booking.reserve(P, new SaleId(1), period, "user:1", Instant.EPOCH).withId(new BookingId(id));
    }

    @Test
    void freeAndBookedPeriodsTileTheWindowClippedToIt() {
        var a = Availability.of(P, march(1, 31), List.of(booked(2, march(10, 12)), booked(1, new Period(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 3)))));
        assertThat(a.slots()).containsExactly(
                new Availability.Slot(march(1, 3), false, new BookingId(1)),
                new Availability.Slot(march(4, 9), true, null),
                new Availability.Slot(march(10, 12), false, new BookingId(2)),
                new Availability.Slot(march(13, 31), true, null));
        assertThat(a.isFree(march(4, 9))).isTrue();
        assertThat(a.isFree(march(9, 10))).isFalse();
    }

    @Test
    void anEmptyCalendarIsOneFreePeriodAndAdjacentBookingsLeaveNoGap() {
        assertThat(Availability.of(P, march(1, 7), List.of()).slots()).containsExactly(new Availability.Slot(march(1, 7), true, null));
        var a = Availability.of(P, march(1, 7), List.of(booked(1, march(1, 3)), booked(2, march(4, 7))));
        assertThat(a.slots()).extracting(Availability.Slot::free).containsExactly(false, false);
    }
}
