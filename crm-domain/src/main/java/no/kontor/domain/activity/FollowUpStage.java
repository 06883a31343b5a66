package no.kontor.domain.activity;

import java.util.Map;
import java.util.Set;

/**
 * A follow-up task's stage. To do → in progress → done; to do → done directly;
 * done may be reopened (to do), and work in progress may be put back (to do).
 */
public enum FollowUpStage {
    TO_DO, IN_PROGRESS, DONE;

    private static final Map<FollowUpStage, Set<FollowUpStage>> NEXT = Map.of(
            TO_DO, Set.of(IN_PROGRESS, DONE),
            IN_PROGRESS, Set.of(DONE, TO_DO),
            DONE, Set.of(TO_DO));

    public boolean mayMoveTo(FollowUpStage next) {
        return next == this || NEXT.get(this).contains(next);
    }

    public boolean isOpen() {
        return this != DONE;
    }
}
