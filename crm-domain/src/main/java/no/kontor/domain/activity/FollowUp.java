package no.kontor.domain.activity;

import java.time.LocalDate;
import java.util.Objects;

import no.kontor.domain.shared.ConflictException;

/**
 * A task that follows an activity: due on a date (Europe/Oslo), at a stage, for a
 * staff user — or for nobody, which puts it on the shared "unassigned" list.
 */
public record FollowUp(LocalDate dueDate, FollowUpStage stage, Long assigneeId) {
    public FollowUp {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(stage, "stage");
    }

    /** This task moved to {@code next}, if its stage may move there. */
    public FollowUp changeTo(FollowUp next) {
        if (!stage.mayMoveTo(next.stage())) {
            throw new ConflictException("follow-up.invalid-transition",
                    "A follow-up cannot go from " + stage + " to " + next.stage());
        }
        return next;
    }

    public boolean isOverdue(LocalDate today) {
        return stage.isOpen() && dueDate.isBefore(today);
    }
}
