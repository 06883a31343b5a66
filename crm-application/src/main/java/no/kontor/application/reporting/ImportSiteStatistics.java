package no.kontor.application.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.reporting.port.SiteStatistics;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.reporting.SiteStatistic;
import no.kontor.domain.reporting.SiteStatisticsFile;

/**
 * A manager imports the news site's statistics: a file is read whole and refused whole
 * (SiteStatisticsFile), then each day it covers replaces what was kept for that day, in one
 * transaction with its audit entry. Files are small (a line per day and section: a year of
 * twenty sections is 7,300 lines), so the import answers at once rather than as a job.
 */
public final class ImportSiteStatistics {
    private final SiteStatistics statistics;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ImportSiteStatistics(SiteStatistics statistics, AuditTrail audit, Transactions tx, Clock clock) {
        this.statistics = statistics;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Result(long importId, int lines, long days, LocalDate firstDay, LocalDate lastDay, long articles, long pageViews) {
    }

    public Result fromFile(Actor actor, String text) {
        actor.require(Role.MANAGER);
        return execute(actor, SiteStatisticsFile.parse(text));
    }

    /** The rows of a file or a feed: each day they cover is replaced. */
    public Result execute(Actor actor, List<SiteStatistic> rows) {
        actor.require(Role.MANAGER);
        if (rows.isEmpty()) {
            throw new no.kontor.domain.shared.ValidationException("file", "site-statistics.no-lines", "The file holds no lines after its header");
        }
        var first = rows.stream().map(SiteStatistic::day).min(Comparator.naturalOrder()).orElseThrow();
        var last = rows.stream().map(SiteStatistic::day).max(Comparator.naturalOrder()).orElseThrow();
        long days = rows.stream().map(SiteStatistic::day).distinct().count();
        long articles = rows.stream().mapToLong(SiteStatistic::articles).sum();
        long views = rows.stream().mapToLong(SiteStatistic::pageViews).sum();
        return tx.inTransaction(() -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long id = statistics.replaceDays(rows, actor.auditName(), now);
            var result = new Result(id, rows.size(), days, first, last, articles, views);
            audit.record(AuditEvent.created(actor, now, "site-statistics-import", id, Map.of("lines", rows.size(), "days", days,
                    "firstDay", first.toString(), "lastDay", last.toString(), "articles", articles, "pageViews", views)));
            return result;
        });
    }
}
