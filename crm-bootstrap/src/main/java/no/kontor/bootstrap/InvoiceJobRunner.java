package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import no.kontor.application.invoice.RunInvoiceJobs;

/**
 * Runs the outbox's due jobs every second on every node; the claim's SKIP LOCKED and
 * lease keep two nodes off one job. A failing round (the database down) is logged and
 * the next one tries again. {@code kontor.jobs.enabled=false} turns it off.
 */
@Context // built at start-up, so a misconfigured mailer or renderer stops the start, not the jobs in silence
@Requires(property = "kontor.jobs.enabled", notEquals = "false")
public class InvoiceJobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceJobRunner.class);
    private final RunInvoiceJobs jobs;

    public InvoiceJobRunner(RunInvoiceJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${kontor.jobs.interval:1s}", initialDelay = "${kontor.jobs.initial-delay:1s}")
    void runDue() {
        try {
            int ran = jobs.runDue();
            if (ran > 0) {
                LOG.debug("ran {} invoice jobs", ran);
            }
            int expired = jobs.removeExpiredCopies();
            if (expired > 0) {
                LOG.info("removed {} customers' copies nobody mailed or printed in time", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("invoice jobs could not run this round: {}", e.toString());
        }
    }
}
