package no.kontor.bootstrap;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import no.kontor.application.advertising.ImportAdStatistics;
import no.kontor.application.advertising.MapAdServer;
import no.kontor.application.advertising.ReadAdStatistics;
import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;

/** The advertising context's use cases: the ad server's statistics, imported on the I/O executor (a cached pool), so that an import does not hold one of the request threads. */
@Factory
public class AdvertisingUseCases {

    @Singleton
    ImportAdStatistics importAdStatistics(AdStatistics statistics, AuditTrail audit, Transactions tx, Clock clock,
                                          @Named(TaskExecutors.IO) ExecutorService executor) {
        return new ImportAdStatistics(statistics, audit, tx, clock, executor);
    }

    @Singleton
    ReadAdStatistics readAdStatistics(AdStatistics statistics, Transactions tx) {
        return new ReadAdStatistics(statistics, tx);
    }

    @Singleton
    MapAdServer mapAdServer(AdStatistics statistics, AuditTrail audit, Transactions tx, Clock clock) {
        return new MapAdServer(statistics, audit, tx, clock);
    }
}
