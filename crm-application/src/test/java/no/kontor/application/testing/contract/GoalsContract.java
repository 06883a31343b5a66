package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.Goals;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.reporting.GoalMetric;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Goals} does: keeps a goal whole, changes and deletes it only at its version, finds it by its period. */
public abstract class GoalsContract extends PortContract {

    private Goal goal(LocalDate first, String campaign, String target) {
        var metric = campaign == null ? GoalMetric.REVENUE : GoalMetric.MAILOUT_RETURN_RATE;
        return tx(() -> port(Goals.class).add(Goal.set(new Goal.Terms(metric, first, first.plusDays(29), campaign == null ? "Nord" : null,
                null, campaign, new BigDecimal(target)), "user:1", now())));
    }

    @Test
    void aGoalIsKeptWholeAndChangedAtItsVersionOnly() {
        var stored = goal(LocalDate.of(2030, 1, 1), null, "5000000");
        assertThat(port(Goals.class).find(stored.id())).hasValue(stored);
        var changed = tx(() -> port(Goals.class).update(stored.changedTo(new Goal.Terms(GoalMetric.REVENUE, stored.firstDay(), stored.lastDay(),
                null, null, null, new BigDecimal("6000000")), "user:2", now())));
        assertThat(changed.version()).isEqualTo(stored.version() + 1);
        assertThat(changed.target()).isEqualByComparingTo("6000000");
        assertThat(changed.team()).isNull();
        assertThatThrownBy(() -> tx(() -> port(Goals.class).update(stored))).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> run(() -> port(Goals.class).delete(stored.id(), stored.version()))).isInstanceOf(StaleVersionException.class);
        run(() -> port(Goals.class).delete(changed.id(), changed.version()));
        assertThat(port(Goals.class).find(stored.id())).isEmpty();
    }

    @Test
    void goalsAreFoundByAPeriodTheyOverlap() {
        var first = LocalDate.of(2031, 3, 1); // runs to 30 March
        var g = goal(first, "Vår", "12.5");
        assertThat(g.target()).isEqualByComparingTo("12.5");
        assertThat(tx(() -> port(Goals.class).overlapping(LocalDate.of(2031, 3, 30), LocalDate.of(2031, 4, 30)))).extracting(Goal::id)
                .containsExactly(g.id());
        assertThat(tx(() -> port(Goals.class).overlapping(LocalDate.of(2031, 3, 31), LocalDate.of(2031, 4, 30)))).isEmpty();
        assertThat(tx(() -> port(Goals.class).overlapping(LocalDate.of(2031, 2, 1), LocalDate.of(2031, 2, 28)))).isEmpty();
    }
}
