package no.kontor.application.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import no.kontor.application.reporting.port.SiteStatistics;
import no.kontor.domain.reporting.SiteStatistic;

/** The site statistics in memory, as the table keeps them: a day replaced whole. */
public final class InMemorySiteStatistics implements SiteStatistics {
    private final List<SiteStatistic> rows = new ArrayList<>();
    private long imports;

    @Override
    public synchronized long replaceDays(List<SiteStatistic> given, String importedBy, Instant at) {
        Set<LocalDate> days = given.stream().map(SiteStatistic::day).collect(Collectors.toSet());
        rows.removeIf(r -> days.contains(r.day()));
        rows.addAll(given);
        return ++imports;
    }

    @Override
    public synchronized List<SiteStatistic> between(LocalDate from, LocalDate to) {
        return rows.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to))
                .sorted(Comparator.comparing(SiteStatistic::day).thenComparing(SiteStatistic::channel)).toList();
    }
}
