package no.kontor.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.reporting.VatReport;
import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.shared.port.Transactions;

/** The reporting context's use cases, built from its read port. */
@Factory
public class ReportingUseCases {

    @Singleton
    VatReport vatReport(ReportQueries queries, Transactions tx) {
        return new VatReport(queries, tx);
    }
}
