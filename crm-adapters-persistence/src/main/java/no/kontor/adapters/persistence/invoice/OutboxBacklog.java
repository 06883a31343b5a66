package no.kontor.adapters.persistence.invoice;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.shared.port.Transactions;

/**
 * How the outbox stands, for the operators' metrics (docs/decisions/metrics.md): jobs due now,
 * jobs waiting for a retry, jobs that gave up, and how long the oldest due job has waited. Two
 * reads: the unfinished jobs through the {@code outbox_due} partial index (a handful, unless the
 * workers are behind), and the failed ones through the {@code outbox_failed} partial index (V20).
 * The caller reads this on a timer, never per scrape.
 */
@Singleton
public class OutboxBacklog {
    private final Jdbc jdbc;
    private final Transactions tx;

    public OutboxBacklog(Jdbc jdbc, Transactions tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * @param due     unfinished jobs whose time has come (claimed by a worker or not)
     * @param waiting unfinished jobs whose next try is later (a retry after a failure)
     * @param failed  jobs that gave up after their last try, with their last error kept
     * @param oldestDue how long the oldest due job has waited since its time came (zero when none)
     */
    public record Backlog(long due, long waiting, long failed, Duration oldestDue) {
    }

    public Backlog read() {
        return tx.readOnly(() -> {
            var open = jdbc.query("SELECT count(*) FILTER (WHERE not_before <= now()) AS due, "
                    + "count(*) FILTER (WHERE not_before > now()) AS waiting, "
                    + "coalesce(extract(epoch FROM now() - min(not_before) FILTER (WHERE not_before <= now())), 0) AS oldest "
                    + "FROM outbox WHERE done_at IS NULL", List.of(),
                    rs -> new long[] {rs.getLong("due"), rs.getLong("waiting"), Math.round(rs.getDouble("oldest") * 1000)}).get(0);
            long failed = jdbc.query("SELECT count(*) FROM outbox WHERE failed", List.of(), rs -> rs.getLong(1)).get(0);
            return new Backlog(open[0], open[1], failed, Duration.ofMillis(open[2]));
        });
    }
}
