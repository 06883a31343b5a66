package no.kontor.adapters.web.testing;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import no.kontor.application.reporting.ControlLists;
import no.kontor.application.reporting.ExportPolicy;
import no.kontor.application.reporting.ImportSiteStatistics;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemorySiteStatistics;
import no.kontor.application.reporting.PriceDeviation;
import no.kontor.application.reporting.SalesDataExport;
import no.kontor.application.reporting.SalesDataRow;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.UnmatchedPayment;
import no.kontor.application.reporting.port.LedgerQueries;
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
    ControlLists controlLists(InMemoryReportQueries queries, LedgerQueries ledger, DirectTransactions tx, Clock clock) {
        return new ControlLists(queries, ledger, tx, clock);
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

    /**
     * The ledger's reads as canned rows: the controller's tests check the HTTP side; the
     * figures are proven on PostgreSQL (LedgerFiguresTest).
     */
    @Singleton
    LedgerQueries ledgerQueries() {
        return new LedgerQueries() {
            @Override
            public List<DayAmount> daily(LocalDate from, LocalDate to, SalesDimension dimension, Set<Measure> measures) {
                return java.util.stream.Stream.of(new DayAmount(from, Measure.INVOICED, "1", "=Anna", 100001),
                        new DayAmount(from, Measure.PAID, "1", "=Anna", 500)).filter(a -> measures.contains(a.measure())).toList();
            }

            @Override
            public List<PriceDeviation> priceDeviations(LocalDate from, LocalDate to) {
                return List.of(new PriceDeviation(1, 7, from, 1, 3, "Forside", 2L, "Forside", 100000, 120000L, null));
            }

            @Override
            public List<UnmatchedPayment> unmatchedPayments() {
                return List.of(new UnmatchedPayment(4, LocalDate.of(2020, 2, 3), 5000, "123", "OCR", "system:ocr"));
            }

            @Override
            public void salesData(LocalDate from, LocalDate to, Consumer<SalesDataRow> sink) {
                for (int i = 0; i < 3; i++) {
                    sink.accept(new SalesDataRow("INVOICE", i, 9, "-Kunde", "Anna", "Nord", null, null, null, "Linje " + i, -100, -25,
                            (long) i, from, "ISSUED"));
                }
            }
        };
    }

    @Singleton
    SalesReport salesReport(LedgerQueries ledger, DirectTransactions tx) {
        return new SalesReport(ledger, tx);
    }

    @Singleton
    SalesDataExport salesDataExport(LedgerQueries ledger, DirectTransactions tx) {
        return new SalesDataExport(ledger, tx);
    }

    @Singleton
    ExportPolicy exportPolicy() {
        return new ExportPolicy();
    }

    @Singleton
    InMemorySiteStatistics siteStatistics() {
        return new InMemorySiteStatistics();
    }

    @Singleton
    ImportSiteStatistics importSiteStatistics(InMemorySiteStatistics statistics, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new ImportSiteStatistics(statistics, audit, tx, clock);
    }

    @Singleton
    SiteRevenueReport siteRevenueReport(LedgerQueries ledger, InMemorySiteStatistics statistics, DirectTransactions tx) {
        return new SiteRevenueReport(ledger, statistics, tx);
    }
}
