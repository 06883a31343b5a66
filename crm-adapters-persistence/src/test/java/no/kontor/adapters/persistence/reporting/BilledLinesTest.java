package no.kontor.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

/**
 * The billed lines V15 writes when a document is issued equal a from-scratch computation over
 * the hand-made ledger of {@code reporting/ledger-books.sql}: each invoice line matched to its
 * sale's line in the same position, each credit-note line to what its credited line billed.
 * And they keep what was billed when the sale behind them changes later, while the document's
 * status moves with it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BilledLinesTest implements UsesTestDatabase {
    static final String FROM_SCRATCH = "WITH lines AS (SELECT i.id, l.line_no, i.kind, i.status, i.number, i.issue_date, i.company_id, "
            + "i.buyer_name, coalesce(l.sale_id, o.sale_id) AS sale_id, l.description, l.unit_price, coalesce(l.tax_percent, 0) AS tax_percent, "
            + "round(l.quantity * l.unit_price * (100 - l.discount_percent) / 100)::bigint AS net, "
            + "CASE WHEN i.kind = 'INVOICE' THEN row_number() OVER (PARTITION BY i.id, l.sale_id ORDER BY l.line_no) "
            + "ELSE (SELECT count(*) FROM invoice_line x WHERE x.invoice_id = o.invoice_id AND x.sale_id = o.sale_id AND x.line_no <= o.line_no) "
            + "END AS position FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id "
            + "LEFT JOIN invoice_line o ON o.invoice_id = i.credited_invoice_id AND o.line_no = l.credited_line_no WHERE i.status <> 'DRAFT'), "
            + "sale_lines AS (SELECT sl.*, row_number() OVER (PARTITION BY sl.sale_id ORDER BY sl.id) AS position FROM sale_line sl) "
            + "SELECT l.id, l.line_no, l.kind, l.status, l.number, l.issue_date, l.company_id, l.buyer_name, l.sale_id, m.id, m.placement_id, "
            + "s.responsible_seller_id, s.team, l.description, l.unit_price, m.unit_price, l.tax_percent, l.net, "
            + "(SELECT min(k.first_day) FROM booking k WHERE k.sale_id = l.sale_id AND k.placement_id = m.placement_id AND k.status <> 'CANCELLED'), "
            + "(SELECT max(k.last_day) FROM booking k WHERE k.sale_id = l.sale_id AND k.placement_id = m.placement_id AND k.status <> 'CANCELLED') "
            + "FROM lines l LEFT JOIN sale s ON s.id = l.sale_id LEFT JOIN sale_lines m ON m.sale_id = l.sale_id AND m.position = l.position "
            + "ORDER BY 1, 2";
    static final String BILLED = "SELECT invoice_id, line_no, kind, status, number, issue_date, company_id, buyer_name, sale_id, sale_line_id, "
            + "placement_id, seller_id, team, description, unit_price, agreed_price, tax_percent, net, first_day, last_day "
            + "FROM billed_line ORDER BY 1, 2";

    @Value("${datasources.default.url}")
    String url;

    @BeforeAll
    void books() throws Exception {
        Books.load(url, "/reporting/ledger-books.sql");
    }

    @Test
    void theBilledLinesEqualAFromScratchComputation() throws SQLException {
        try (var c = connect()) {
            var billed = rows(c, BILLED);
            assertThat(billed).isEqualTo(rows(c, FROM_SCRATCH));
            // invoice 1: sale 1's lines, the first on the front page booked 31 Oct–1 Nov at an agreed 1 100.00 a day;
            // credit note 3 credits invoice 1's line 2 and so bills sale 1's second line, Anna's, team Nord
            assertThat(billed).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(9), r -> r.get(10), r -> r.get(11), r -> r.get(12),
                    r -> r.get(15), r -> r.get(18), r -> r.get(19)).containsExactly(
                    tuple(1L, 1, 1L, 1L, 1L, "Nord", 110000L, java.sql.Date.valueOf(LocalDate.of(2026, 10, 31)),
                            java.sql.Date.valueOf(LocalDate.of(2026, 11, 1))),
                    tuple(1L, 2, 2L, null, 1L, "Nord", 99999L, null, null),
                    tuple(2L, 1, 3L, 2L, 2L, "Sør", 450000L, java.sql.Date.valueOf(LocalDate.of(2026, 11, 5)),
                            java.sql.Date.valueOf(LocalDate.of(2026, 11, 5))),
                    tuple(3L, 1, 2L, null, 1L, "Nord", 99999L, null, null));
            assertThat(billed).extracting(r -> r.get(17)).containsExactly(200000L, 134999L, 450000L, 134999L);
            assertThat(billed).extracting(r -> r.get(16)).allSatisfy(tax -> assertThat((BigDecimal) tax).isEqualByComparingTo("25"));
        }
    }

    @Test
    void aBilledLineKeepsWhatWasBilledWhileTheDocumentsStatusMovesWithIt() throws SQLException {
        try (var c = connect()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                var before = rows(c, BILLED);
                // behind the use cases' back: the sale gets another seller, its line another price, its booking is cancelled
                st.executeUpdate("UPDATE sale SET responsible_seller_id = 2 WHERE id = 1");
                st.executeUpdate("UPDATE sale_line SET unit_price = 1 WHERE id = 1");
                st.executeUpdate("UPDATE booking SET status = 'CANCELLED' WHERE sale_id = 1");
                assertThat(rows(c, BILLED)).isEqualTo(before);
                assertThat(rows(c, FROM_SCRATCH)).as("a computation from scratch would have moved").isNotEqualTo(before);

                st.executeUpdate("UPDATE invoice SET status = 'PAID', paid = gross WHERE id = 1");
                assertThat(rows(c, "SELECT status FROM billed_line WHERE invoice_id = 1")).containsExactly(List.of("PAID"), List.of("PAID"));
                assertThat(rows(c, "SELECT status FROM billed_line WHERE invoice_id = 2")).containsExactly(List.of("ISSUED"));
            } finally {
                c.rollback();
            }
        }
    }

    private Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        var rows = new ArrayList<List<Object>>();
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
