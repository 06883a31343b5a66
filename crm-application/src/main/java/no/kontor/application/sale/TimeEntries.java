package no.kontor.application.sale;

import java.time.LocalDate;
import java.util.Optional;

import no.kontor.application.shared.Page;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.TimeEntry;

/** The store of time entries. */
public interface TimeEntries {

    TimeEntry add(TimeEntry entry);

    Optional<TimeEntry> find(long id);

    void remove(long id);

    /** Entries by day, then as registered; every filter may be null. */
    Page<TimeEntry> list(Filter filter, String cursor, int limit);

    record Filter(SaleId saleId, Long staffUserId, LocalDate from, LocalDate to) {
    }
}
