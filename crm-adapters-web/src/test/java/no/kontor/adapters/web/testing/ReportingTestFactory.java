package no.kontor.adapters.web.testing;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

import no.kontor.application.reporting.ControlLists;
import no.kontor.application.reporting.ListCreditNotes;
import no.kontor.application.reporting.ListOverdueInvoices;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.VatReport;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryInvoiceReminders;
import no.kontor.application.testing.InMemoryInventory;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemorySales;
import no.kontor.application.testing.InMemoryReportQueries;

/** The reporting use cases over the in-memory invoices the invoice tests fill. */
@Factory
public class ReportingTestFactory {

    /** The inventory the reports read (no inventory controller test shares it). */
    @Singleton
    InMemoryInventory inventory(DirectTransactions tx, InMemorySales sales) {
        return tx.registered(new InMemoryInventory().withSales(sales));
    }

    @Singleton
    InMemoryReportQueries reportQueries(InMemoryInvoices invoices, InMemoryInvoiceReminders reminders, InMemoryCompanies companies,
                                        InMemorySales sales, InMemoryInventory inventory) {
        return new InMemoryReportQueries(invoices, reminders, companies, sales, inventory);
    }

    @Singleton
    ControlLists controlLists(InMemoryReportQueries queries, DirectTransactions tx, Clock clock) {
        return new ControlLists(queries, tx, clock);
    }

    @Singleton
    VatReport vatReport(InMemoryReportQueries queries, DirectTransactions tx) {
        return new VatReport(queries, tx);
    }

    @Singleton
    ReportOccupancy reportOccupancy(InMemoryReportQueries queries, DirectTransactions tx) {
        return new ReportOccupancy(queries, tx);
    }

    @Singleton
    ListCreditNotes listCreditNotes(InMemoryReportQueries queries, DirectTransactions tx) {
        return new ListCreditNotes(queries, tx);
    }

    @Singleton
    ListOverdueInvoices listOverdueInvoices(InMemoryReportQueries queries, DirectTransactions tx, Clock clock) {
        return new ListOverdueInvoices(queries, tx, clock);
    }
}
