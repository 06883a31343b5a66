package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import no.kontor.application.sale.ExpireReservations;

/**
 * Expires the public order form's reservations that staff did not confirm in time,
 * every {@code kontor.public-orders.expiry-interval} (5 minutes) on every node; the
 * claim's SKIP LOCKED keeps two nodes off one reservation. A failing round is logged
 * and the next one tries again. Off with the other jobs ({@code kontor.jobs.enabled=false}).
 */
@Singleton
@Requires(property = "kontor.jobs.enabled", notEquals = "false")
public class ReservationExpiryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationExpiryRunner.class);
    private final ExpireReservations expiry;

    public ReservationExpiryRunner(ExpireReservations expiry) {
        this.expiry = expiry;
    }

    @Scheduled(fixedDelay = "${kontor.public-orders.expiry-interval:5m}", initialDelay = "${kontor.public-orders.expiry-interval:5m}")
    void expireDue() {
        try {
            var run = expiry.run();
            if (run.expired() > 0 || run.failed() > 0) {
                LOG.info("reservations from the order form: {} expired, {} left for the next round", run.expired(), run.failed());
            }
        } catch (RuntimeException e) {
            LOG.warn("reservations could not be expired this round: {}", e.toString());
        }
    }
}
