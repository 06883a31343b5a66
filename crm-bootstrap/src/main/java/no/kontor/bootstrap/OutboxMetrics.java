package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import no.kontor.adapters.persistence.invoice.OutboxBacklog;

/**
 * The outbox's backlog as gauges, read from the database every
 * {@code kontor.metrics.outbox-interval} (15 s) and never on a scrape: a scrape under load costs
 * no query (docs/decisions/metrics.md). {@code kontor_outbox_jobs{state="due"|"waiting"|"failed"}}
 * and {@code kontor_outbox_oldest_due_seconds}. The outbox is shared, so every node reports the
 * same figures. While the database cannot be read the gauges are NaN, not the last figures.
 */
@Context // the gauges exist from the start, not from the first timer
@Requires(bean = MeterRegistry.class)
public class OutboxMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMetrics.class);
    private final OutboxBacklog outbox;
    private volatile OutboxBacklog.Backlog last;

    public OutboxMetrics(OutboxBacklog outbox, MeterRegistry registry) {
        this.outbox = outbox;
        jobs(registry, "due", "Unfinished outbox jobs whose time has come (rendering, mail)", b -> b.due());
        jobs(registry, "waiting", "Unfinished outbox jobs waiting for a later try", b -> b.waiting());
        jobs(registry, "failed", "Outbox jobs that gave up after their last try (each keeps its last error)", b -> b.failed());
        Gauge.builder("kontor.outbox.oldest.due", this, m -> m.last == null ? Double.NaN : m.last.oldestDue().toMillis() / 1000.0)
                .strongReference(true).baseUnit("seconds").description("How long the oldest due outbox job has waited since its time came")
                .register(registry);
    }

    private void jobs(MeterRegistry registry, String state, String description, java.util.function.ToLongFunction<OutboxBacklog.Backlog> value) {
        Gauge.builder("kontor.outbox.jobs", this, m -> m.last == null ? Double.NaN : value.applyAsLong(m.last))
                .tag("state", state).strongReference(true).description(description).register(registry);
    }

    @Scheduled(fixedDelay = "${kontor.metrics.outbox-interval:15s}", initialDelay = "1s")
    void refresh() {
        try {
            last = outbox.read();
        } catch (RuntimeException e) {
            last = null;
            LOG.debug("the outbox's backlog could not be read for the metrics: {}", e.toString());
        }
    }
}
