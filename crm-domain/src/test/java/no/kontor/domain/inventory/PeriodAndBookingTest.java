package no.kontor.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;

class PeriodAndBookingTest {
    static Period days(int first, int last) {
        return new Period(LocalDate.of(2026, 3, first), LocalDate.of(2026, 3, last));
    }

    @Test
    void periodsAreInclusiveSoAdjacentOnesDoNotOverlapButOneSharedDayDoes() {
        assertThat(days(1, 7).days()).isEqualTo(7);
        assertThat(days(1, 7).overlaps(days(8, 14))).isFalse();
        assertThat(days(1, 7).overlaps(days(7, 14))).isTrue();
        assertThat(days(3, 3).overlaps(days(1, 7))).isTrue();
        assertThat(days(1, 1).days()).isEqualTo(1);
    }

    @Test
    void aPeriodRunsForwardAndHasBothDays() {
        assertThatThrownBy(() -> days(7, 1)).isInstanceOf(ValidationException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> new Period(null, LocalDate.of(2026, 3, 1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 1, 1))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aBookingIsReservedThenConfirmedOrCancelledOnce() {
        var booking = Booking.reserve(new PlacementId(1), new SaleId(1), days(1, 7), "user:1", Instant.EPOCH);
        var confirmed = booking.confirm("user:1", Instant.EPOCH);
        assertThat(confirmed.status()).isEqualTo(Booking.Status.CONFIRMED);
        assertThatThrownBy(() -> confirmed.confirm("user:1", Instant.EPOCH)).isInstanceOf(ConflictException.class);
        var cancelled = confirmed.cancel("user:2", Instant.EPOCH);
        assertThat(cancelled.status()).isEqualTo(Booking.Status.CANCELLED);
        assertThatThrownBy(() -> cancelled.cancel("user:2", Instant.EPOCH)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.confirm("user:2", Instant.EPOCH)).isInstanceOf(ConflictException.class);
    }
}
