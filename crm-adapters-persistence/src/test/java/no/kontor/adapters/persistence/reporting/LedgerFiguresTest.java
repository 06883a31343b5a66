package no.kontor.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.reporting.Grain;
import no.kontor.application.reporting.PriceDeviation;
import no.kontor.application.reporting.SalesDataRow;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.SalesReport;
import no.kontor.application.reporting.UnmatchedPayment;
import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/**
 * The sales report, the price and payment control lists and the sales-data export over the
 * hand-made ledger of {@code reporting/ledger-books.sql}, on PostgreSQL, with the answers
 * worked out by hand: an order at 23:30 on 31 October and one at the first instant of November,
 * a sale ordered twice, barter, a part-credited invoice, a part payment and one nobody claims.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerFiguresTest implements UsesTestDatabase {
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    static final Actor SELLER = Actor.staff(2, "bent", Role.SELLER);

    @Inject
    LedgerQueries ledger;
    @Inject
    Transactions tx;
    @Value("${datasources.default.url}")
    String url;

    SalesReport report;
    @Inject
    no.kontor.application.reporting.port.KpiQueries kpis;
    @Inject
    no.kontor.application.reporting.port.Goals goals;
    @Inject
    no.kontor.application.reporting.port.SiteStatistics statistics;

    @BeforeAll
    void books() throws Exception {
        Books.load(url, "/reporting/ledger-books.sql");
        report = new SalesReport(ledger, tx);
    }

    @Test
    void novemberInAllOrdersInvoicesCreditsAndPaymentsToTheOre() {
        var total = report.execute(SELLER, NOV_1, NOV_30, Grain.MONTH, SalesDimension.TOTAL).total();
        // ordered: sale 2 at 00:00 on 1 Nov (4 500.00, barter) and sale 3 (10 000.00); sale 1 (23:30 on 31 Oct) and sale 4
        // (first ordered in October) are October's
        assertThat(total.ordered()).isEqualTo(1_450_000);
        assertThat(total.barterOrdered()).isEqualTo(450_000);
        // invoiced: 2 000.00 + 1 349.99 (1.5 h × 999.99 less 10 %, half-up) + 4 500.00; credited: 1 349.99
        assertThat(total.invoiced()).isEqualTo(784_999);
        assertThat(total.credited()).isEqualTo(134_999);
        assertThat(total.netInvoiced()).isEqualTo(650_000);
        // paid: 2 000.00 on 20 Nov; 2 187.49 on 1 Dec is December's, 50.00 nobody claims is no sale
        assertThat(total.paid()).isEqualTo(200_000);

        var october = report.execute(SELLER, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Grain.MONTH, SalesDimension.TOTAL);
        assertThat(october.total().ordered()).as("sale 1: 2 × 1 100.00 + 1 349.99; sale 4: 700.00").isEqualTo(354_999 + 70_000);
        var december = report.execute(SELLER, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), Grain.MONTH, SalesDimension.TOTAL);
        assertThat(december.total().paid()).isEqualTo(218_749);
    }

    @Test
    void perSellerTheCreditNoteFollowsTheSaleOfTheLineItCredits() {
        var rows = report.execute(SELLER, NOV_1, NOV_30, Grain.MONTH, SalesDimension.SELLER).rows();
        assertThat(rows).extracting(SalesReport.Row::label, SalesReport.Row::ordered, SalesReport.Row::barterOrdered, SalesReport.Row::invoiced,
                SalesReport.Row::credited, SalesReport.Row::paid).containsExactly(
                tuple("Anna Nord", 1_000_000L, 0L, 334_999L, 134_999L, null),
                tuple("Bent Sør", 450_000L, 450_000L, 450_000L, 0L, null));
        assertThat(report.execute(SELLER, NOV_1, NOV_30, Grain.MONTH, SalesDimension.TEAM).rows()).extracting(SalesReport.Row::key,
                SalesReport.Row::netInvoiced).containsExactly(tuple("Nord", 200_000L), tuple("Sør", 450_000L));
    }

    @Test
    void perPlacementAndProductABilledLineIsItsSalesLineInOrder() {
        assertThat(report.execute(SELLER, NOV_1, NOV_30, Grain.MONTH, SalesDimension.PLACEMENT).rows()).extracting(SalesReport.Row::label,
                SalesReport.Row::ordered, SalesReport.Row::invoiced, SalesReport.Row::credited).containsExactly(
                tuple("Forside", 0L, 200_000L, 0L), tuple("Papir side 3", 450_000L, 450_000L, 0L));
        assertThat(report.execute(SELLER, NOV_1, NOV_30, Grain.MONTH, SalesDimension.PRODUCT).rows()).extracting(SalesReport.Row::key,
                SalesReport.Row::ordered, SalesReport.Row::invoiced, SalesReport.Row::credited).containsExactly(
                tuple("Forside-annonse", 0L, 200_000L, 0L), tuple("Konsulenttimer", 1_000_000L, 134_999L, 134_999L),
                tuple("Papir side 3", 450_000L, 450_000L, 0L));
    }

    @Test
    void perCompanyPaymentsAreCounted() {
        assertThat(report.execute(SELLER, NOV_1, NOV_30, Grain.MONTH, SalesDimension.COMPANY).rows()).extracting(SalesReport.Row::label,
                SalesReport.Row::netInvoiced, SalesReport.Row::paid).containsExactly(tuple("Alfa AS", 200_000L, 200_000L),
                tuple("Beta AS", 450_000L, 0L));
    }

    @Test
    void weeksCutAtMondayOslo() {
        var weeks = report.execute(SELLER, NOV_1, NOV_30, Grain.WEEK, SalesDimension.TOTAL).rows();
        assertThat(weeks).extracting(SalesReport.Row::period, SalesReport.Row::ordered, SalesReport.Row::invoiced).containsExactly(
                tuple(LocalDate.of(2026, 10, 26), 450_000L, 0L),       // Sunday 1 Nov belongs to the week of 26 Oct
                tuple(LocalDate.of(2026, 11, 2), 0L, 334_999L),
                tuple(LocalDate.of(2026, 11, 9), 1_000_000L, 0L),
                tuple(LocalDate.of(2026, 11, 16), 0L, 0L),
                tuple(LocalDate.of(2026, 11, 30), 0L, 450_000L));
    }

    @Test
    void pricesOtherThanThePriceListOnTheBookingsFirstDayOrTheAgreedSaleAreListed() {
        var deviations = tx.readOnly(() -> ledger.priceDeviations(NOV_1, NOV_30));
        assertThat(deviations).extracting(PriceDeviation::invoiceNumber, PriceDeviation::lineNo, PriceDeviation::placementName,
                PriceDeviation::invoicedPrice, PriceDeviation::listPrice, PriceDeviation::agreedPrice).containsExactly(
                tuple(1L, 1, "Forside", 100_000L, 100_000L, 110_000L),   // the sale's line now says 1 100.00
                tuple(2L, 1, "Papir side 3", 450_000L, 600_000L, 450_000L)); // November's price list says 6 000.00
    }

    @Test
    void theUnmatchedPaymentIsListed() {
        assertThat(tx.readOnly(() -> ledger.unmatchedPayments())).extracting(UnmatchedPayment::amount, UnmatchedPayment::kid)
                .containsExactly(tuple(5_000L, "123"));
    }

    @Test
    void theSalesDataHasARowPerInvoiceLineThenPerLineOfSalesOnNoInvoice() {
        var rows = new ArrayList<SalesDataRow>();
        tx.readOnly(() -> {
            ledger.salesData(NOV_1, NOV_30, rows::add);
            return null;
        });
        assertThat(rows).extracting(SalesDataRow::source, SalesDataRow::invoiceNumber, SalesDataRow::placement, SalesDataRow::firstDay,
                SalesDataRow::net, SalesDataRow::vat, SalesDataRow::seller, SalesDataRow::team, SalesDataRow::status).containsExactly(
                tuple("INVOICE", 1L, "Forside", LocalDate.of(2026, 10, 31), 200_000L, 50_000L, "Anna Nord", "Nord", "ISSUED"),
                tuple("INVOICE", 1L, null, null, 134_999L, 33_750L, "Anna Nord", "Nord", "ISSUED"),
                tuple("INVOICE", 2L, "Papir side 3", LocalDate.of(2026, 11, 5), 450_000L, 112_500L, "Bent Sør", "Sør", "ISSUED"),
                tuple("SALE", null, null, null, 1_000_000L, 250_000L, "Anna Nord", "Nord", "ORDERED"));
    }

    @Test
    void revenuePerArticleAndPerThousandPageViewsMatchesAPlacementsChannelToTheSitesSection() {
        var revenue = new no.kontor.application.reporting.SiteRevenueReport(ledger, statistics, tx).execute(SELLER, NOV_1, NOV_30, Grain.MONTH);
        // nett: Forside billed 2 000.00; 40 articles, 200 000 views. papir: Papir side 3 billed 4 500.00; 10 articles, no views
        assertThat(revenue.rows()).extracting(r -> r.channel(), r -> r.revenue(), r -> r.articles(), r -> r.pageViews(),
                r -> r.revenuePerArticle(), r -> r.revenuePerThousandViews()).containsExactly(
                tuple("Nett", 200_000L, 40L, 200_000L, 5_000L, 1_000L),
                tuple("Papir", 450_000L, 10L, 0L, 45_000L, null));
        assertThat(revenue.total().revenuePerArticle()).isEqualTo(13_000L);
        assertThat(revenue.total().revenuePerThousandViews()).isEqualTo(3_250L);
    }

    @Test
    void goalsFollowTheBooksRevenueOfATeamAndNewCustomersOfASeller() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-15T12:00:00Z"), java.time.ZoneId.of("Europe/Oslo"));
        var novemberOfNord = tx.inTransaction(() -> goals.add(no.kontor.domain.reporting.Goal.set(new no.kontor.domain.reporting.Goal.Terms(
                no.kontor.domain.reporting.GoalMetric.REVENUE, NOV_1, NOV_30, "Nord", null, null, new java.math.BigDecimal("400000")),
                "mona", java.time.Instant.now())));
        var newOfBent = tx.inTransaction(() -> goals.add(no.kontor.domain.reporting.Goal.set(new no.kontor.domain.reporting.Goal.Terms(
                no.kontor.domain.reporting.GoalMetric.NEW_CUSTOMERS, NOV_1, NOV_30, null, 2L, null, new java.math.BigDecimal("4")),
                "mona", java.time.Instant.now())));
        var follow = new no.kontor.application.reporting.FollowGoals(goals, ledger, kpis, tx, clock);

        var revenue = follow.one(SELLER, novemberOfNord.id());
        assertThat(revenue.reached()).as("Nord: 3 349.99 invoiced less 1 349.99 credited").isEqualByComparingTo("200000");
        assertThat(revenue.percentOfTarget()).isEqualByComparingTo("50.0");
        assertThat(revenue.forecast()).as("the period is over: the forecast is what was reached").isEqualByComparingTo("200000");
        assertThat(follow.one(SELLER, newOfBent.id()).reached()).as("Beta's first invoice, 30 Nov").isEqualByComparingTo("1");
    }

    @Test
    void aSalesNetAndFurthestStageAreKeptInTheirWritesAndEqualThemComputedAgain() throws Exception {
        String drift = "SELECT count(*) FROM sale s WHERE s.net <> (SELECT coalesce(sum(round(l.quantity * l.unit_price "
                + "* (100 - l.discount_percent) / 100)), 0) FROM sale_line l WHERE l.sale_id = s.id)";
        try (var c = java.sql.DriverManager.getConnection(url, no.kontor.adapters.persistence.testing.TestPostgres.username(),
                no.kontor.adapters.persistence.testing.TestPostgres.password()); var st = c.createStatement()) {
            c.setAutoCommit(false);
            try (var rs = st.executeQuery(drift)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            try (var rs = st.executeQuery("SELECT count(*) FROM sale s, LATERAL (SELECT max(stage_rank(to_stage)) AS furthest, "
                    + "bool_or(to_stage = 'LOST') AS lost FROM sale_stage_change h WHERE h.sale_id = s.id) h "
                    + "WHERE (s.furthest_stage, s.ever_lost) IS DISTINCT FROM (h.furthest, h.lost)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("each sale's furthest stage is its history's").isZero();
            }
            st.execute("INSERT INTO sale_line (id, sale_id, description, quantity, unit, unit_price, discount_percent, vat_category, "
                    + "vat_percent) VALUES (100, 3, 'Ekstra', 0.333, 'HOUR', 100001, 12.5, 'S', 25)");
            st.execute("UPDATE sale_line SET quantity = 11 WHERE id = 4");
            st.execute("DELETE FROM sale_line WHERE id = 5");
            try (var rs = st.executeQuery(drift + " UNION ALL SELECT net FROM sale WHERE id = 3")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no sale drifts from its lines").isZero();
                rs.next();
                assertThat(rs.getLong(1)).as("11 h × 1 000.00 + 0.333 h × 1 000.01 less 12.5 %").isEqualTo(1_100_000 + 29_138);
            }
            c.rollback();
        }
    }
}
