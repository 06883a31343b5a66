package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.OverdueInvoices.AgeBand;
import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;

/**
 * The overdue control list on a hand-made set, judged on 31 March 2026: due dates give ages
 * of 1, 14, 15, 30, 31, 60 and 61 days — each band's edges — and the sums per band are
 * worked out below.
 */
class ListOverdueInvoicesTest {
    static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    static final long SELMA = 7;

    static OverdueInvoice due(long number, int daysOverdue, long amount, Long seller) {
        return new OverdueInvoice(number, number, 100 + number, "Kunde " + number, seller, MARCH_31.minusDays(daysOverdue), amount,
                daysOverdue > 30 ? 1 : 0, daysOverdue > 30 ? MARCH_31.minusDays(10) : null);
    }

    final List<OverdueInvoice> books = List.of(due(1, 1, 1000, SELMA), due(2, 14, 2000, null), due(3, 15, 3000, SELMA),
            due(4, 30, 4000, 8L), due(5, 31, 5000, SELMA), due(6, 60, 6000, null), due(7, 61, 7000, SELMA));
    LocalDate askedFor;
    final ReportQueries queries = new UnreadBooks() {
        @Override
        public List<OverdueInvoice> overdue(LocalDate asOf) {
            askedFor = asOf;
            return books;
        }

        @Override
        public no.kontor.application.shared.Page<OverdueInvoice> overdue(LocalDate asOf, String cursor, int limit) {
            askedLimit = limit;
            return new no.kontor.application.shared.Page<>(books.stream().sorted(java.util.Comparator.comparing(OverdueInvoice::dueDate))
                    .limit(limit).toList(), "next");
        }

        @Override
        public List<DueDay> overdueByDueDate(LocalDate asOf) {
            return books.stream().map(o -> new DueDay(o.dueDate(), 1, o.due())).toList();
        }
    };
    int askedLimit;

    @Test
    void aPageShowsSomeInvoicesWhileTheBandsAndTheTotalCountThemAll() {
        var page = list.page(manager, MARCH_31, null, 2);
        assertThat(page.items()).extracting(i -> i.invoice().number() + ":" + i.band()).containsExactly("7:OVER_60", "6:DAYS_31_60");
        assertThat(page.bands()).extracting(b -> b.band() + " " + b.invoices() + " " + b.due())
                .containsExactly("DAYS_0_14 2 3000", "DAYS_15_30 2 7000", "DAYS_31_60 2 11000", "OVER_60 1 7000");
        assertThat(page.total()).isEqualTo(28000);
        assertThat(page.nextCursor()).isEqualTo("next");
        list.page(manager, MARCH_31, null, 100_000);
        assertThat(askedLimit).isEqualTo(ListOverdueInvoices.MAX_PAGE);
    }
    final TestClock clock = new TestClock(Instant.parse("2026-03-31T21:59:00Z")); // 23:59 in Oslo, still 31 March
    final ListOverdueInvoices list = new ListOverdueInvoices(queries, new DirectTransactions(), clock);
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);

    @Test
    void eachInvoiceFallsInItsBandByItsAgeAndTheBandsAreSummed() {
        var overdue = list.execute(manager, MARCH_31);

        assertThat(overdue.items()).extracting(i -> i.invoice().number() + ":" + i.daysOverdue() + ":" + i.band())
                .containsExactly("7:61:OVER_60", "6:60:DAYS_31_60", "5:31:DAYS_31_60", "4:30:DAYS_15_30", "3:15:DAYS_15_30",
                        "2:14:DAYS_0_14", "1:1:DAYS_0_14");
        assertThat(overdue.bands()).extracting(b -> b.band() + " " + b.invoices() + " " + b.due())
                .containsExactly("DAYS_0_14 2 3000", "DAYS_15_30 2 7000", "DAYS_31_60 2 11000", "OVER_60 1 7000");
        assertThat(overdue.total()).isEqualTo(28000);
        assertThat(overdue.items().get(0).invoice().reminders()).as("the reminder state travels with each").isEqualTo(1);
    }

    @Test
    void withoutADayItIsJudgedOnTodayInOslo() {
        clock.advance(java.time.Duration.ofMinutes(2)); // 00:01 on 1 April in Oslo, still 31 March in UTC
        list.execute(manager, null);
        assertThat(askedFor).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aSellerReadsEveryFigureButOnlyAManagerExportsThem() {
        var seen = list.execute(Actor.staff(SELMA, "selma", Role.SELLER), MARCH_31);
        assertThat(seen.items()).extracting(i -> i.invoice().number()).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(seen.total()).isEqualTo(28000);
        assertThatThrownBy(() -> list.export(Actor.staff(SELMA, "selma", Role.SELLER), MARCH_31)).isInstanceOf(AccessDeniedException.class);
        assertThat(list.export(manager, MARCH_31).total()).isEqualTo(28000);
    }

    @Test
    void theOrderFormSeesNothing() {
        assertThatThrownBy(() -> list.execute(Actor.publicForm(), MARCH_31)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theBandsMeetWithoutAGap() {
        assertThat(AgeBand.of(0)).isEqualTo(AgeBand.DAYS_0_14);
        assertThat(AgeBand.of(14)).isEqualTo(AgeBand.DAYS_0_14);
        assertThat(AgeBand.of(15)).isEqualTo(AgeBand.DAYS_15_30);
        assertThat(AgeBand.of(61)).isEqualTo(AgeBand.OVER_60);
        assertThatThrownBy(() -> AgeBand.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
