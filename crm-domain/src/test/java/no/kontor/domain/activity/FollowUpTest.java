package no.kontor.domain.activity;

import static no.kontor.domain.activity.FollowUpStage.DONE;
import static no.kontor.domain.activity.FollowUpStage.IN_PROGRESS;
import static no.kontor.domain.activity.FollowUpStage.TO_DO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.kontor.domain.shared.ConflictException;

class FollowUpTest {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "TO_DO, IN_PROGRESS, true", "TO_DO, DONE, true", "IN_PROGRESS, DONE, true", "IN_PROGRESS, TO_DO, true",
            "DONE, TO_DO, true", "DONE, IN_PROGRESS, false", "TO_DO, TO_DO, true", "DONE, DONE, true"})
    void stagesMoveAsTheWorkDoes(FollowUpStage from, FollowUpStage to, boolean allowed) {
        var task = new FollowUp(DAY, from, 1L);
        if (allowed) {
            assertThat(task.changeTo(new FollowUp(DAY, to, 1L)).stage()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> task.changeTo(new FollowUp(DAY, to, 1L)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("follow-up.invalid-transition"));
        }
    }

    @Test
    void anOpenTaskIsOverdueFromTheDayAfterItsDueDate() {
        assertThat(new FollowUp(DAY, TO_DO, null).isOverdue(DAY)).isFalse();
        assertThat(new FollowUp(DAY, IN_PROGRESS, null).isOverdue(DAY.plusDays(1))).isTrue();
        assertThat(new FollowUp(DAY, DONE, null).isOverdue(DAY.plusDays(30))).as("done is never overdue").isFalse();
    }
}
