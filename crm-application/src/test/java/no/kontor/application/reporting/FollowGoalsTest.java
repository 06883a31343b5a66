package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.LedgerQueries.DayAmount;
import no.kontor.application.reporting.port.LedgerQueries.Measure;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryGoals;
import no.kontor.application.testing.InMemoryStaffUsers;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.reporting.GoalMetric;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.StaleVersionException;

/** Goals: set and changed by managers with their audit entries; progress reached so far and forecast at the pace so far. */
class FollowGoalsTest {
    static final Instant TEN_NOVEMBER = Instant.parse("2026-11-10T11:00:00Z");
    final InMemoryGoals goals = new InMemoryGoals();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final TestClock clock = new TestClock(TEN_NOVEMBER);
    final SetGoals set = new SetGoals(goals, new InMemoryStaffUsers(), audit, new DirectTransactions(), clock);
    final FollowGoals follow = new FollowGoals(goals, new UnreadLedger() {
        @Override
        public List<DayAmount> daily(LocalDate from, LocalDate to, SalesDimension dimension, Set<Measure> measures) {
            assertThat(dimension).isEqualTo(SalesDimension.TEAM);
            assertThat(measures).isEqualTo(Measure.BILLED);
            return List.of(new DayAmount(from, Measure.INVOICED, "Nord", "Nord", 500_000), new DayAmount(from, Measure.CREDITED, "Nord", "Nord",
                    100_000), new DayAmount(from, Measure.INVOICED, "Sør", "Sør", 999_999));
        }
    }, null, new DirectTransactions(), clock);
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);

    Goal.Terms revenue(String target) {
        return new Goal.Terms(GoalMetric.REVENUE, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "Nord", null, null,
                new BigDecimal(target));
    }

    @Test
    void aRevenueGoalReachesTheTeamsNetSoFarAndForecastsAtThatPace() {
        var goal = set.set(manager, revenue("1200000"));
        var progress = follow.execute(Actor.staff(3, "selma", Role.SELLER), null, null);
        assertThat(progress).singleElement().satisfies(p -> {
            assertThat(p.goal().id()).isEqualTo(goal.id());
            assertThat(p.daysGone()).isEqualTo(10);
            assertThat(p.days()).isEqualTo(30);
            assertThat(p.reached()).isEqualByComparingTo("400000");       // 5 000.00 invoiced less 1 000.00 credited
            assertThat(p.percentOfTarget()).isEqualByComparingTo("33.3");
            assertThat(p.forecast()).isEqualByComparingTo("1200000");      // 10 of 30 days gone
        });
    }

    @Test
    void aGoalNotYetStartedHasReachedNothingAndNoForecast() {
        var goal = set.set(manager, new Goal.Terms(GoalMetric.REVENUE, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "Nord", null,
                null, new BigDecimal("100")));
        var p = follow.one(manager, goal.id());
        assertThat(p.reached()).isEqualByComparingTo("0");
        assertThat(p.forecast()).isNull();
        assertThat(p.measuredTo()).isNull();
    }

    @Test
    void changesAreAuditedAtTheirVersionAndOnlyManagersMakeThem() {
        var goal = set.set(manager, revenue("1000"));
        set.change(manager, goal.id(), 0, revenue("2000"));
        assertThatThrownBy(() -> set.change(manager, goal.id(), 0, revenue("3000"))).isInstanceOf(StaleVersionException.class);
        set.remove(manager, goal.id(), 1);
        assertThat(audit.events()).extracting(e -> e.action()).containsExactly("created", "changed", "deleted");
        assertThatThrownBy(() -> set.set(Actor.staff(3, "selma", Role.SELLER), revenue("1"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> set.set(manager, new Goal.Terms(GoalMetric.REVENUE, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                null, 42L, null, BigDecimal.ONE))).isInstanceOf(no.kontor.domain.shared.ValidationException.class);
    }
}
