package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.LedgerQueries.DayAmount;
import no.kontor.application.reporting.port.LedgerQueries.Measure;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.ValidationException;

/** The sales report cuts the ledger's days into periods and sums per key; payments only where they can be told apart. */
class SalesReportTest {
    final List<DayAmount> days = List.of(
            new DayAmount(LocalDate.of(2026, 11, 1), Measure.ORDERED, "1", "Anna", 1000),       // a Sunday: week of 26 Oct
            new DayAmount(LocalDate.of(2026, 11, 1), Measure.BARTER_ORDERED, "1", "Anna", 400),
            new DayAmount(LocalDate.of(2026, 11, 2), Measure.INVOICED, "1", "Anna", 800),       // Monday
            new DayAmount(LocalDate.of(2026, 11, 30), Measure.CREDITED, "1", "Anna", 300),
            new DayAmount(LocalDate.of(2026, 11, 30), Measure.INVOICED, "2", "Bent", 500),
            new DayAmount(LocalDate.of(2026, 12, 1), Measure.PAID, "2", "Bent", 625));
    SalesDimension asked;
    final SalesReport report = new SalesReport(new UnreadLedger() {
        @Override
        public List<DayAmount> daily(LocalDate from, LocalDate to, SalesDimension dimension, Set<Measure> measures) {
            assertThat(measures).isEqualTo(Measure.ALL);
            asked = dimension;
            return days;
        }
    }, new DirectTransactions());
    final Actor seller = Actor.staff(3, "selma", Role.SELLER);

    @Test
    void monthsSumEachKeysMeasuresAndTheNetOfCreditNotes() {
        var sales = report.execute(seller, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), Grain.MONTH, SalesDimension.COMPANY);
        assertThat(sales.rows()).extracting(SalesReport.Row::period, SalesReport.Row::key, SalesReport.Row::label, SalesReport.Row::ordered,
                SalesReport.Row::barterOrdered, SalesReport.Row::invoiced, SalesReport.Row::credited, SalesReport.Row::netInvoiced,
                SalesReport.Row::paid).containsExactly(
                tuple(LocalDate.of(2026, 11, 1), "1", "Anna", 1000L, 400L, 800L, 300L, 500L, 0L),
                tuple(LocalDate.of(2026, 11, 1), "2", "Bent", 0L, 0L, 500L, 0L, 500L, 0L),
                tuple(LocalDate.of(2026, 12, 1), "2", "Bent", 0L, 0L, 0L, 0L, 0L, 625L));
        assertThat(sales.total().netInvoiced()).isEqualTo(1000);
        assertThat(sales.total().paid()).isEqualTo(625);
    }

    @Test
    void weeksStartOnMondayAndASellersRowsCarryNoPayments() {
        var sales = report.execute(seller, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 12, 6), Grain.WEEK, SalesDimension.SELLER);
        assertThat(sales.rows()).extracting(SalesReport.Row::period).containsExactly(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30));
        assertThat(sales.rows()).allSatisfy(r -> assertThat(r.paid()).isNull());
        assertThat(sales.total().paid()).isNull();
    }

    @Test
    void theDefaultsAreMonthsInAll() {
        var sales = report.execute(seller, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), null, null);
        assertThat(asked).isEqualTo(SalesDimension.TOTAL);
        assertThat(sales.grain()).isEqualTo(Grain.MONTH);
        assertThat(Grain.QUARTER.start(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Grain.YEAR.start(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void itNeedsStaffAndAPeriod() {
        assertThatThrownBy(() -> report.execute(Actor.publicForm(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> report.execute(seller, null, LocalDate.of(2026, 11, 30), null, null)).isInstanceOf(ValidationException.class);
    }
}
