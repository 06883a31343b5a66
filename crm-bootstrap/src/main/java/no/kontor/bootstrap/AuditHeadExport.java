package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import no.kontor.application.audit.port.AuditLog;
import no.kontor.application.shared.port.Transactions;

/**
 * Once a day the audit chain's head goes to the log, so that it is kept outside
 * the database (a log shipper or the host's journal). With several nodes each logs
 * it; the line is identical, which is harmless.
 */
@Singleton
public class AuditHeadExport {
    private static final Logger LOG = LoggerFactory.getLogger("kontor.audit.head");

    private final AuditLog log;
    private final Transactions tx;

    public AuditHeadExport(AuditLog log, Transactions tx) {
        this.log = log;
        this.tx = tx;
    }

    @Scheduled(cron = "0 5 0 * * *", zoneId = "Europe/Oslo")
    void logHead() {
        var head = tx.readOnly(log::head);
        LOG.info("audit head seq={} hash={}", head.seq(), head.hash());
    }
}
