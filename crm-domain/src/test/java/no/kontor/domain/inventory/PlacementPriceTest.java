package no.kontor.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.domain.shared.ValidationException;

class PlacementPriceTest {
    static final PlacementId P = new PlacementId(1);

    static PlacementPrice price(String from, String to, long ore) {
        return PlacementPrice.check(P, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), ore);
    }

    @Test
    void thePriceOfADayIsTheOneValidThatDay() {
        var prices = List.of(price("2026-01-01", "2026-06-30", 100000), price("2026-07-01", null, 120000));
        assertThat(PlacementPrice.on(prices, LocalDate.parse("2026-06-30"))).map(PlacementPrice::unitPrice).contains(100000L);
        assertThat(PlacementPrice.on(prices, LocalDate.parse("2030-01-01"))).map(PlacementPrice::unitPrice).contains(120000L);
        assertThat(PlacementPrice.on(prices, LocalDate.parse("2025-12-31"))).isEmpty();
    }

    @Test
    void overlapIsInclusiveAndOpenEndsReachForever() {
        assertThat(price("2026-01-01", "2026-01-31", 1).overlaps(price("2026-01-31", null, 1))).isTrue();
        assertThat(price("2026-01-01", "2026-01-31", 1).overlaps(price("2026-02-01", null, 1))).isFalse();
        assertThat(price("2026-03-01", null, 1).overlaps(price("2026-01-01", "2026-02-28", 1))).isFalse();
        assertThat(price("2026-03-01", null, 1).overlaps(price("2027-01-01", null, 1))).isTrue();
        assertThat(price("2026-03-01", null, 1).overlaps(price("2020-01-01", "2026-03-01", 1))).isTrue();
    }

    @Test
    void badPricesAreRefused() {
        assertThatThrownBy(() -> price("2026-02-01", "2026-01-01", 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> price("2026-02-01", null, -1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PlacementPrice.check(P, null, null, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("validFrom", "unitPrice"));
    }

    @Test
    void aWeekPlacementCountsWeeksBegun() {
        var week = new Placement(P, "Front", null, null, Placement.Unit.WEEK, true, java.time.Instant.EPOCH, java.time.Instant.EPOCH, 0);
        var day = new Placement(P, "Front", null, null, Placement.Unit.DAY, true, java.time.Instant.EPOCH, java.time.Instant.EPOCH, 0);
        var eightDays = new Period(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-08"));
        assertThat(week.unitsIn(eightDays)).isEqualTo(2);
        assertThat(day.unitsIn(eightDays)).isEqualTo(8);
        assertThat(week.unitsIn(new Period(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-07")))).isEqualTo(1);
    }

    @Test
    void theNearestFreePeriodsOfTheSameLengthAreOfferedNearestFirst() {
        var window = new Period(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));
        var taken = Booking.reserve(P, new no.kontor.domain.sale.SaleId(1),
                new Period(LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-20")), "x", java.time.Instant.EPOCH)
                .withId(new BookingId(9));
        var availability = Availability.of(P, window, List.of(taken));
        var wanted = new Period(LocalDate.parse("2026-12-12"), LocalDate.parse("2026-12-14"));
        assertThat(availability.nearestFree(wanted, 3)).containsExactly(
                new Period(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-09")),
                new Period(LocalDate.parse("2026-12-21"), LocalDate.parse("2026-12-23")));
        // a stretch shorter than the wish is not offered
        var tight = Availability.of(P, new Period(LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-22")), List.of(taken));
        assertThat(tight.nearestFree(wanted, 3)).isEmpty();
    }
}
