package no.kontor.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.reporting.FreshnessBand;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.port.KpiQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/**
 * Every KPI over the hand-made books of {@code reporting/kpi-books.sql}, on PostgreSQL, with
 * the right answers worked out by hand: period edges at Oslo midnight, the day summer time
 * ends, a note that is no contact, an answer a second too late, a stage skipped.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiFiguresTest implements UsesTestDatabase {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final ZonedDateTime AS_OF = ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, OSLO);
    static final Actor SELLER = Actor.staff(2L, "bent", Role.SELLER);

    @Inject
    KpiQueries queries;
    @Inject
    Transactions tx;
    @io.micronaut.context.annotation.Value("${datasources.default.url}")
    String url;

    Kpis kpis;

    @BeforeAll
    void books() throws Exception {
        Books.load(url, "/reporting/kpi-books.sql");
        kpis = new Kpis(queries, tx, Clock.fixed(AS_OF.toInstant(), OSLO));
    }

    @Test
    void freshnessCountsCustomersPerTeamInTheirBandFromTheSummary() {
        var freshness = kpis.freshness(SELLER);
        assertThat(freshness.teams()).extracting(Kpis.TeamBands::team, Kpis.TeamBands::customers).containsExactly(
                tuple("Nord", bands(1, 1, 0, 0, 0)),   // Alfa 10 days (a later note is no contact), Beta exactly 31 days
                tuple("Sør", bands(0, 0, 0, 1, 0)),    // Gamma 200 days; Epsilon is a prospect
                tuple(null, bands(0, 0, 0, 0, 1)));    // Delta has no seller and no activity
        assertThat(freshness.all()).isEqualTo(bands(1, 1, 0, 1, 1));
    }

    private static Map<FreshnessBand, Long> bands(long upTo30, long to90, long to180, long over180, long never) {
        return Map.of(FreshnessBand.UP_TO_30, upTo30, FreshnessBand.DAYS_31_TO_90, to90, FreshnessBand.DAYS_91_TO_180, to180,
                FreshnessBand.OVER_180, over180, FreshnessBand.NEVER, never);
    }

    @Test
    void silentCustomersAreTheLongestSilentFirstWithTheirSeller() {
        assertThat(kpis.silentCustomers(SELLER, 180, null)).extracting(Kpis.Silent::name, Kpis.Silent::responsibleSeller,
                Kpis.Silent::daysSilent).containsExactly(tuple("Delta AS", null, null), tuple("Gamma AS", "Bent Sør", 200L));
        assertThat(kpis.silentCustomers(SELLER, 30, null)).extracting(Kpis.Silent::name)
                .containsExactly("Delta AS", "Gamma AS", "Beta AS");
        assertThat(kpis.silentCustomers(SELLER, 30, 1)).extracting(Kpis.Silent::name).containsExactly("Delta AS");
    }

    @Test
    void engagementCountsOutboundContactsAnsweredWithinTheDaysAndActivitiesPerClosedSale() {
        var november = kpis.engagement(SELLER, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), 7);
        // Nord: Alfa 20 Nov (answered 26 Nov), Alfa 27 Nov, Zeta 30 Nov; Sør: Epsilon 1 Nov 00:00 (answer 8 days 1 s later)
        assertThat(november.answeredByTeam()).extracting(Kpis.TeamShare::team, Kpis.TeamShare::outbound, Kpis.TeamShare::answered,
                Kpis.TeamShare::percent).containsExactly(tuple("Nord", 3L, 1L, new BigDecimal("33.3")), tuple("Sør", 1L, 0L, new BigDecimal("0.0")));
        assertThat(november.answered().percent()).isEqualByComparingTo("25.0");
        assertThat(november.unsubscribedInPeriod()).isEqualTo(1);
        assertThat(november.unsubscribedTotal()).isEqualTo(2);
        // with nine days, Epsilon's late answer counts
        assertThat(kpis.engagement(SELLER, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), 9).answered().answered()).isEqualTo(2);

        var lastWeekOfOctober = kpis.engagement(SELLER, LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 31), 7);
        // won: sale 1 (the meeting on 26 Oct), 3 and 4 (none); lost: sale 2 (the same meeting)
        assertThat(lastWeekOfOctober.wonSales()).isEqualTo(3);
        assertThat(lastWeekOfOctober.activitiesPerWonSale()).isEqualByComparingTo("0.3");
        assertThat(lastWeekOfOctober.lostSales()).isEqualTo(1);
        assertThat(lastWeekOfOctober.activitiesPerLostSale()).isEqualByComparingTo("1.0");
    }

    @Test
    void responseTimesRunFromAnInboundContactToTheNextOutboundOneOnTheCompany() {
        var times = kpis.responseTimes(SELLER, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), false);
        // Alfa 26 Nov 09:00 → 27 Nov 10:00 = 25 h; Zeta Sat 28 Nov 10:00 → Mon 30 Nov 09:00 = 47 h; Epsilon never answered
        assertThat(times.all().answered()).isEqualTo(2);
        assertThat(times.all().unanswered()).isEqualTo(1);
        assertThat(times.all().median()).isEqualTo(Duration.ofHours(36));
        assertThat(times.all().p90()).isEqualTo(Duration.ofMinutes(44 * 60 + 48));
        assertThat(times.teams()).extracting(Kpis.Times::team).containsExactly("Nord");

        var office = kpis.responseTimes(SELLER, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), true);
        // office hours: 7 h on Thursday + 2 h on Friday = 9 h; the weekend is free, 1 h on Monday
        assertThat(office.all().median()).isEqualTo(Duration.ofHours(5));
        assertThat(office.all().p90()).isEqualTo(Duration.ofMinutes(8 * 60 + 12));
    }

    @Test
    void conversionAndTheFunnelCountTheSalesOpenedOnTheDaySummerTimeEnds() {
        var day = LocalDate.of(2026, 10, 25); // 25 hours: 00:30 and 23:30 are both in it, 26 Oct 00:00 is not
        var conversion = kpis.conversion(SELLER, day, day);
        assertThat(conversion.byTeam()).extracting(Kpis.Conversion::team, Kpis.Conversion::opened, Kpis.Conversion::offered,
                Kpis.Conversion::ordered, Kpis.Conversion::leadToOrdered, Kpis.Conversion::offeredToOrdered).containsExactly(
                tuple("Nord", 2L, 2L, 1L, new BigDecimal("50.0"), new BigDecimal("50.0")),
                tuple("Sør", 1L, 1L, 1L, new BigDecimal("100.0"), new BigDecimal("100.0")));
        assertThat(conversion.all().leadToOrdered()).isEqualByComparingTo("66.7");
        assertThat(conversion.bySeller()).extracting(Kpis.Conversion::sellerId).containsExactly(1L, 2L);

        var funnel = kpis.funnel(SELLER, day, day, null);
        assertThat(funnel.steps()).extracting(Kpis.Step::stage, Kpis.Step::sales, Kpis.Step::dropOffFromPrevious).containsExactly(
                tuple("LEAD", 3L, null), tuple("OFFERED", 3L, new BigDecimal("0.0")), tuple("ORDERED", 2L, new BigDecimal("33.3")),
                tuple("INVOICED", 1L, new BigDecimal("50.0")));
        assertThat(funnel.lost()).isEqualTo(1);
        assertThat(kpis.funnel(SELLER, day, day, "Sør").steps()).extracting(Kpis.Step::sales).containsExactly(1L, 1L, 1L, 0L);
    }

    @Test
    void aMailOutsReturnRateCountsEachRecipientOnceFromTheFirstMail() {
        var week = kpis.mailOut(SELLER, "Høstkampanje", 7);
        assertThat(week.reached()).as("Ola (mailed twice) and Kari").isEqualTo(2);
        assertThat(week.answered()).as("Ola in two days; Kari after nineteen").isEqualTo(1);
        assertThat(week.percent()).isEqualByComparingTo("50.0");
        assertThat(kpis.mailOut(SELLER, "Høstkampanje", 30).answered()).isEqualTo(2);
        assertThat(kpis.mailOut(SELLER, "Ingen slik", 7).percent()).isNull();
    }
}
