package no.kontor.application.advertising;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.advertising.AdServerKey;
import no.kontor.domain.advertising.AdStatistic;
import no.kontor.domain.advertising.AdStatisticsFile;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;

/**
 * A manager imports the ad server's daily statistics file (docs/decisions/ad-statistics.md).
 * The file is read and checked first, in the request: a bad file is refused whole, each bad
 * line named, and nothing starts. Then the import is recorded (RUNNING) and its rows are
 * matched and written on {@code executor}, in one transaction, so a failure leaves nothing
 * half-written: a zone's row belongs to the booking of that placement on that day, a banner's
 * to its booking; a row no booking has is reported back (UNMATCHED), one on a day its booking
 * does not run is reported and not counted (OUTSIDE). A booking's day imported again replaces
 * its figures. While it runs, {@link #status} tells how many rows this node has done.
 */
public final class ImportAdStatistics {
    public static final String RECORD_TYPE = "ad-statistics";

    private final AdStatistics statistics;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final Executor executor;
    private final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();

    public ImportAdStatistics(AdStatistics statistics, AuditTrail audit, Transactions tx, Clock clock, Executor executor) {
        this.statistics = statistics;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.executor = executor;
    }

    public record Started(long importId, int rows) {
    }

    /** An import and, while it runs on this node, how many of its rows are done. */
    public record Status(AdStatisticsImport imported, Integer rowsDone) {
    }

    public Started start(Actor actor, String text) {
        actor.require(Role.MANAGER);
        var file = AdStatisticsFile.parse(text);
        int rows = file.statistics().size();
        long id = tx.inTransaction(() -> statistics.begin(file.kind(), rows, file.days().first(), file.days().last(), actor.auditName(),
                clock.instant()));
        var done = new AtomicInteger();
        running.put(id, done);
        try {
            executor.execute(() -> run(actor, id, file, done));
        } catch (RuntimeException e) { // the executor refused the work: the import did not happen
            running.remove(id);
            tx.inTransaction(() -> {
                statistics.failed(id, "the import could not be started: " + e, clock.instant());
                return null;
            });
            throw e;
        }
        return new Started(id, rows);
    }

    public Status status(Actor actor, long importId) {
        actor.require(Role.MANAGER);
        var found = tx.readOnly(() -> statistics.findImport(importId)).orElseThrow(() -> new NotFoundException("ad statistics import",
                importId));
        return new Status(found, Optional.ofNullable(running.get(importId)).map(AtomicInteger::get).orElse(null));
    }

    private void run(Actor actor, long id, AdStatisticsFile file, AtomicInteger done) {
        try {
            tx.inTransaction(() -> {
                var figures = new ArrayList<AdDay>();
                var issues = new ArrayList<AdImportIssue>();
                match(file, figures, issues, done);
                var now = clock.instant();
                statistics.finish(id, figures, issues, now);
                var fields = new LinkedHashMap<String, Object>();
                fields.put("kind", file.kind().name());
                fields.put("firstDay", file.days().first().toString());
                fields.put("lastDay", file.days().last().toString());
                fields.put("rows", file.statistics().size());
                fields.put("counted", figures.size());
                fields.put("unmatched", issues.stream().filter(i -> i.kind() == AdImportIssue.Kind.UNMATCHED).count());
                fields.put("outside", issues.stream().filter(i -> i.kind() == AdImportIssue.Kind.OUTSIDE).count());
                audit.record(AuditEvent.of(actor, now, RECORD_TYPE, id, "imported", Map.of(), fields, null));
                return null;
            });
        } catch (RuntimeException e) {
            tx.inTransaction(() -> {
                statistics.failed(id, String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage()), clock.instant());
                audit.record(AuditEvent.of(actor, clock.instant(), RECORD_TYPE, id, "import-failed", Map.of(), Map.of("error",
                        String.valueOf(e)), null));
                return null;
            });
        } finally {
            running.remove(id);
        }
    }

    private void match(AdStatisticsFile file, List<AdDay> figures, List<AdImportIssue> issues, AtomicInteger done) {
        var ids = file.keys().stream().map(AdServerKey::id).toList();
        Map<String, List<AdStatistics.Target>> targets = new LinkedHashMap<>();
        if (file.kind() == AdServerKey.Kind.ZONE) {
            targets.putAll(statistics.bookingsOfZones(ids));
        } else {
            statistics.bookingsOfBanners(ids).forEach((banner, target) -> targets.put(banner, List.of(target)));
        }
        for (AdStatistic row : file.statistics()) {
            var candidates = targets.getOrDefault(row.key().id(), List.of());
            var running = candidates.stream().filter(t -> t.period().contains(row.day())).findFirst();
            if (running.isPresent()) {
                figures.add(new AdDay(running.get().bookingId(), row.day(), row.impressions(), row.clicks()));
            } else if (candidates.isEmpty()) {
                issues.add(new AdImportIssue(AdImportIssue.Kind.UNMATCHED, row.key(), row.day(), null, row.impressions(), row.clicks()));
            } else {
                // a banner's one booking, or none of a zone's bookings, runs that day
                Long booking = file.kind() == AdServerKey.Kind.BANNER ? candidates.get(0).bookingId() : null;
                issues.add(new AdImportIssue(AdImportIssue.Kind.OUTSIDE, row.key(), row.day(), booking, row.impressions(), row.clicks()));
            }
            done.incrementAndGet();
        }
    }
}
