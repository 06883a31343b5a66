package no.kontor.adapters.web.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.reporting.FreshnessBand;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.DashboardFigures;
import no.kontor.application.reporting.Kpis;
import no.kontor.application.reporting.ManageDashboards;
import no.kontor.application.reporting.ReadSharedDashboard;
import no.kontor.application.reporting.ReportOccupancy;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.SiteRevenueReport;
import no.kontor.application.testing.InMemoryDashboards;
import no.kontor.application.reporting.SetGoals;
import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryGoals;
import no.kontor.application.testing.InMemoryStaffUsers;
import no.kontor.application.reporting.port.KpiQueries;
import no.kontor.application.testing.DirectTransactions;

/**
 * The KPIs over canned rows: the controller's tests check the HTTP side (parameters, roles,
 * the shape of the answers); the figures themselves are proven on PostgreSQL (KpiFiguresTest).
 */
@Factory
public class KpiTestFactory {

    /** One row of each kind, the same whatever is asked. */
    static final class CannedKpiQueries implements KpiQueries {
        static final Instant INBOUND = Instant.parse("2020-02-03T09:00:00Z");

        @Override
        public List<FreshnessCount> freshness(Instant asOf) {
            return List.of(new FreshnessCount("Nord", FreshnessBand.UP_TO_30, 3), new FreshnessCount(null, FreshnessBand.NEVER, 1));
        }

        @Override
        public List<SilentCustomer> silentSince(Instant before, int limit) {
            return List.of(new SilentCustomer(7, "Stille AS", 2L, "Bent", "Sør", null)).subList(0, Math.min(1, limit));
        }

        @Override
        public List<AnswerCount> answered(Instant from, Instant to, int answerDays) {
            return List.of(new AnswerCount("Nord", 4, 1));
        }

        @Override
        public List<Response> responses(Instant from, Instant to) {
            return List.of(new Response("Nord", 1L, INBOUND, INBOUND.plusSeconds(3600)), new Response(null, null, INBOUND, null));
        }

        @Override
        public List<ClosedSale> closedSales(Instant from, Instant to) {
            return List.of(new ClosedSale(1, "Nord", true, 3));
        }

        @Override
        public Unsubscribed unsubscribed(Instant from, Instant to) {
            return new Unsubscribed(1, 5);
        }

        @Override
        public List<Count> newCustomers(Instant from, Instant to) {
            return List.of(new Count(1L, "Nord", 2));
        }

        @Override
        public List<Count> activitiesLogged(Instant from, Instant to) {
            return List.of(new Count(1L, "Nord", 30), new Count(2L, "Sør", 10));
        }

        @Override
        public MailOut mailOut(String campaign, int answerDays) {
            return new MailOut(8, 2);
        }

        @Override
        public List<OpenedSales> opened(Instant from, Instant to) {
            return List.of(new OpenedSales("Nord", 1L, 4, 2, 1, 0, 1, 0));
        }
    }

    @Singleton
    KpiQueries kpiQueries() {
        return new CannedKpiQueries();
    }

    @Singleton
    Kpis kpis(KpiQueries queries, DirectTransactions tx, Clock clock) {
        return new Kpis(queries, tx, clock);
    }

    @Singleton
    InMemoryGoals goals() {
        return new InMemoryGoals();
    }

    @Singleton
    SetGoals setGoals(InMemoryGoals goals, InMemoryStaffUsers staff, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new SetGoals(goals, staff, audit, tx, clock);
    }

    @Singleton
    FollowGoals followGoals(InMemoryGoals goals, LedgerQueries ledger, KpiQueries kpis, DirectTransactions tx, Clock clock) {
        return new FollowGoals(goals, ledger, kpis, tx, clock);
    }

    @Singleton
    InMemoryDashboards dashboards() {
        return new InMemoryDashboards();
    }

    @Singleton
    ManageDashboards manageDashboards(InMemoryDashboards dashboards, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new ManageDashboards(dashboards, audit, tx, clock);
    }

    @Singleton
    DashboardFigures dashboardFigures(Kpis kpis, SalesReport sales, SiteRevenueReport siteRevenue, ReportOccupancy occupancy,
                                      FollowGoals goals, Clock clock) {
        return new DashboardFigures(kpis, sales, siteRevenue, occupancy, goals, clock);
    }

    @Singleton
    ReadSharedDashboard readSharedDashboard(InMemoryDashboards dashboards, DashboardFigures figures, DirectTransactions tx, Clock clock) {
        return new ReadSharedDashboard(dashboards, figures, tx, clock);
    }
}
