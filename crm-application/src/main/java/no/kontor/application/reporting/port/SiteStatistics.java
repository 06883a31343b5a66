package no.kontor.application.reporting.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.kontor.domain.reporting.SiteStatistic;

/**
 * Where a news site's statistics are kept. A file import writes through it today; a live
 * feed from the site's analytics would write the same rows through the same use case.
 */
public interface SiteStatistics {

    /**
     * Replaces every day the rows cover with the rows (a day's channels not in the rows are
     * gone afterwards), records the import, and returns its id.
     */
    long replaceDays(List<SiteStatistic> rows, String importedBy, Instant at);

    /** Every row of {@code from}–{@code to}, both included, by day and channel. */
    List<SiteStatistic> between(LocalDate from, LocalDate to);
}
