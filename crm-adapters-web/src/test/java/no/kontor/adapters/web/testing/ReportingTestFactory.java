package no.kontor.adapters.web.testing;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.reporting.VatReport;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryReportQueries;

/** The reporting use cases over the in-memory invoices the invoice tests fill. */
@Factory
public class ReportingTestFactory {

    @Singleton
    VatReport vatReport(InMemoryInvoices invoices, DirectTransactions tx) {
        return new VatReport(new InMemoryReportQueries(invoices), tx);
    }
}
