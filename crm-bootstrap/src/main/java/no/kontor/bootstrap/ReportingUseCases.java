package no.kontor.bootstrap;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.reporting.ControlLists;
import no.kontor.application.reporting.ExportPolicy;
import no.kontor.application.reporting.ImportSiteStatistics;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.DashboardFigures;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.ManageDashboards;
import no.kontor.application.reporting.ReadSharedDashboard;
import no.kontor.application.reporting.port.Dashboards;
import no.kontor.application.reporting.SetGoals;
import no.kontor.application.reporting.port.Goals;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.application.reporting.port.SiteStatistics;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.reporting.SalesDataExport;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.ListCreditNotes;
import no.kontor.application.reporting.ListOverdueInvoices;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.VatReport;
import no.kontor.application.reporting.port.KpiQueries;
import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.shared.port.Transactions;

/** The reporting context's use cases, built from its read port. */
@Factory
public class ReportingUseCases {

    @Singleton
    VatReport vatReport(ReportQueries queries, Transactions tx) {
        return new VatReport(queries, tx);
    }

    @Singleton
    ControlLists controlLists(ReportQueries queries, LedgerQueries ledger, Transactions tx, Clock clock) {
        return new ControlLists(queries, ledger, tx, clock);
    }

    @Singleton
    ReportOccupancy reportOccupancy(ReportQueries queries, Transactions tx) {
        return new ReportOccupancy(queries, tx);
    }

    @Singleton
    ListCreditNotes listCreditNotes(ReportQueries queries, Transactions tx) {
        return new ListCreditNotes(queries, tx);
    }

    @Singleton
    ListOverdueInvoices listOverdueInvoices(ReportQueries queries, Transactions tx, Clock clock) {
        return new ListOverdueInvoices(queries, tx, clock);
    }

    @Singleton
    Kpis kpis(KpiQueries queries, Transactions tx, Clock clock) {
        return new Kpis(queries, tx, clock);
    }

    @Singleton
    SalesReport salesReport(LedgerQueries ledger, Transactions tx) {
        return new SalesReport(ledger, tx);
    }

    @Singleton
    SalesDataExport salesDataExport(LedgerQueries ledger, Transactions tx) {
        return new SalesDataExport(ledger, tx);
    }

    @Singleton
    ExportPolicy exportPolicy() {
        return new ExportPolicy();
    }

    @Singleton
    ImportSiteStatistics importSiteStatistics(SiteStatistics statistics, AuditTrail audit, Transactions tx, Clock clock) {
        return new ImportSiteStatistics(statistics, audit, tx, clock);
    }

    @Singleton
    SiteRevenueReport siteRevenueReport(LedgerQueries ledger, SiteStatistics statistics, Transactions tx) {
        return new SiteRevenueReport(ledger, statistics, tx);
    }

    @Singleton
    SetGoals setGoals(Goals goals, StaffUsers staff, AuditTrail audit, Transactions tx, Clock clock) {
        return new SetGoals(goals, staff, audit, tx, clock);
    }

    @Singleton
    FollowGoals followGoals(Goals goals, LedgerQueries ledger, KpiQueries kpis, Transactions tx, Clock clock) {
        return new FollowGoals(goals, ledger, kpis, tx, clock);
    }

    @Singleton
    ManageDashboards manageDashboards(Dashboards dashboards, AuditTrail audit, Transactions tx, Clock clock) {
        return new ManageDashboards(dashboards, audit, tx, clock);
    }

    @Singleton
    DashboardFigures dashboardFigures(Kpis kpis, SalesReport sales, SiteRevenueReport siteRevenue, ReportOccupancy occupancy,
                                      FollowGoals goals, Clock clock) {
        return new DashboardFigures(kpis, sales, siteRevenue, occupancy, goals, clock);
    }

    @Singleton
    ReadSharedDashboard readSharedDashboard(Dashboards dashboards, DashboardFigures figures, Transactions tx, Clock clock) {
        return new ReadSharedDashboard(dashboards, figures, tx, clock);
    }
}
