package no.kontor.application.reporting.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.kontor.domain.reporting.Goal;

/** Where goals are kept. */
public interface Goals {

    Goal add(Goal goal);

    Optional<Goal> find(long id);

    /** Stores a changed goal if its version is still the stored one (StaleVersionException otherwise); the version rises by one. */
    Goal update(Goal goal);

    /** Deletes the goal if its version is still {@code version} (StaleVersionException otherwise). */
    void delete(long id, long version);

    /** Goals whose period overlaps {@code from}–{@code to}, by first day and id. */
    List<Goal> overlapping(LocalDate from, LocalDate to);
}
