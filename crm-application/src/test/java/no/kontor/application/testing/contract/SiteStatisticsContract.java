package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.SiteStatistics;
import no.kontor.domain.reporting.SiteStatistic;

/** What every {@link SiteStatistics} does: a re-import of a day replaces the day, never adds to it; other days stay. */
public abstract class SiteStatisticsContract extends PortContract {

    @Test
    void aDayImportedAgainIsReplacedWholeAndOtherDaysStay() {
        var first = LocalDate.of(2026, 3, 1);
        var second = first.plusDays(1);
        tx(() -> port(SiteStatistics.class).replaceDays(List.of(new SiteStatistic(first, "Sport", 4, 1000),
                new SiteStatistic(first, "Kultur", 2, 300), new SiteStatistic(second, "Sport", 5, 1100)), "user:1", now()));
        long again = tx(() -> port(SiteStatistics.class).replaceDays(List.of(new SiteStatistic(first, "Sport", 6, 1500)), "user:1", now()));

        assertThat(again).isPositive();
        assertThat(tx(() -> port(SiteStatistics.class).between(first, second))).containsExactly(
                new SiteStatistic(first, "Sport", 6, 1500), new SiteStatistic(second, "Sport", 5, 1100));
    }

    @Test
    void thePeriodIncludesBothEndsAndNothingOutside() {
        var day = LocalDate.of(2026, 4, 10);
        tx(() -> port(SiteStatistics.class).replaceDays(List.of(new SiteStatistic(day, "Nyheter", 1, 10)), "user:1", now()));
        assertThat(tx(() -> port(SiteStatistics.class).between(day, day))).hasSize(1);
        assertThat(tx(() -> port(SiteStatistics.class).between(day.plusDays(1), day.plusDays(5)))).isEmpty();
        assertThat(tx(() -> port(SiteStatistics.class).between(day.minusDays(5), day.minusDays(1)))).isEmpty();
    }
}
