package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.ReportQueries.PlacementDays;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;

/** Occupancy: booked days over the period's days for active placements, one decimal, half up. */
class ReportOccupancyTest {
    static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2027, 3, 31);

    final ReportOccupancy report = new ReportOccupancy(new UnreadBooks() {
        @Override
        public List<PlacementDays> bookedDays(LocalDate from, LocalDate to) {
            return List.of(new PlacementDays(1, "Toppbanner", true, 5), new PlacementDays(2, "Sidebanner", true, 31),
                    new PlacementDays(3, "Gammel", false, 2));
        }
    }, new DirectTransactions());

    @Test
    void bookedDaysOverDaysOnSale() {
        var occupancy = report.execute(Actor.staff(1, "selma", Role.SELLER), MARCH_1, MARCH_31);
        // 5 / 31 = 16.129… → 16.1; 31 / 31 → 100.0; an inactive placement has no days on sale and no percent
        assertThat(occupancy.placements()).extracting(r -> r.name() + " " + r.daysOnSale() + " " + r.bookedDays() + " " + r.percent())
                .containsExactly("Toppbanner 31 5 16.1", "Sidebanner 31 31 100.0", "Gammel 0 2 null");
    }

    @Test
    void staffOnly() {
        assertThatThrownBy(() -> report.execute(Actor.publicForm(), MARCH_1, MARCH_31)).isInstanceOf(AccessDeniedException.class);
    }
}
