package no.kontor.application.sale.port;

import java.util.Optional;

import no.kontor.application.shared.Page;
import no.kontor.domain.sale.TimeEntry;
import no.kontor.application.sale.TimeEntryFilter;

/** The store of time entries. */
public interface TimeEntries {

    TimeEntry add(TimeEntry entry);

    Optional<TimeEntry> find(long id);

    void remove(long id);

    /** Entries by day, then as registered; every filter may be null. */
    Page<TimeEntry> list(TimeEntryFilter filter, String cursor, int limit);

}
