package no.kontor.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

/**
 * The facts a sale keeps (V13) hold when two writers race on one sale without the use
 * cases' lock: the second waits for the first and counts what it committed. One writer is
 * held open while the other starts, so the race happens every run.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleFactsRaceTest implements UsesTestDatabase {
    @Value("${datasources.default.url}")
    String url;

    @Test
    void twoLinesAddedAtOnceAreBothInTheSalesNet() throws Exception {
        long sale = sale();
        try (var first = connect(); var second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            line(first, sale, 100_000);
            var waiting = CompletableFuture.runAsync(() -> {
                try {
                    line(second, sale, 250_000);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the second writer is now waiting for the sale row
            first.commit();
            waiting.get(10, TimeUnit.SECONDS);
        }
        assertThat(single("SELECT net FROM sale WHERE id = " + sale)).isEqualTo(350_000);
    }

    @Test
    void twoOrdersOfOneSaleAtOnceMakeOneFirstOrder() throws Exception {
        long sale = sale();
        try (var first = connect(); var second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            ordered(first, sale);
            var waiting = CompletableFuture.runAsync(() -> {
                try {
                    ordered(second, sale);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            first.commit();
            waiting.get(10, TimeUnit.SECONDS);
        }
        assertThat(single("SELECT count(*) FROM sale_stage_change WHERE sale_id = " + sale + " AND to_stage = 'ORDERED'")).isEqualTo(2);
        assertThat(single("SELECT count(*) FROM sale_stage_change WHERE sale_id = " + sale + " AND first_order")).isEqualTo(1);
        assertThat(single("SELECT furthest_stage FROM sale WHERE id = " + sale)).isEqualTo(3);
    }

    private long sale() throws SQLException {
        try (var c = connect(); var st = c.createStatement()) {
            st.execute("INSERT INTO company (name, status, created_by, created_at, changed_by, changed_at) "
                    + "VALUES ('Kappløp AS', 'CUSTOMER', 't', now(), 't', now())");
            try (var rs = st.executeQuery("INSERT INTO sale (company_id, stage, created_by, created_at, changed_by, changed_at) "
                    + "SELECT max(id), 'LEAD', 't', now(), 't', now() FROM company RETURNING id")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void line(Connection c, long sale, long price) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("INSERT INTO sale_line (sale_id, description, quantity, unit, unit_price, vat_category, vat_percent) "
                    + "VALUES (" + sale + ", 'Linje', 1, 'PIECE', " + price + ", 'S', 25)");
        }
    }

    private static void ordered(Connection c, long sale) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("INSERT INTO sale_stage_change (sale_id, from_stage, to_stage, changed_by, changed_at) "
                    + "VALUES (" + sale + ", 'LEAD', 'ORDERED', 't', now())");
        }
    }

    private long single(String sql) throws SQLException {
        try (var c = connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
    }
}
