package no.kontor.adapters.persistence.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.reporting.PriceDeviation;
import no.kontor.application.reporting.SalesDataRow;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.UnmatchedPayment;
import no.kontor.application.reporting.port.LedgerQueries;

/**
 * The books over a period in SQL. An invoice line carries its sale but not the sale line it
 * was drafted from; drafting copies a sale's lines in order (DraftInvoice), so the n-th line of
 * a sale on an invoice is the sale's n-th line, and a credit-note line is its credited line's.
 * That match gives a billed line its placement and agreed price (docs/decisions/sales-reports.md).
 * Periods are Europe/Oslo days: a timestamp's day is taken in Oslo, a day's start is Oslo midnight.
 */
@Singleton
public class JdbcLedgerQueries implements LedgerQueries {
    /** The net of the line aliased {@code t}, as the domain computes it (Amounts.lineNet), by V13's line_net. */
    private static String net(String t) {
        return "line_net(" + t + ".quantity, " + t + ".unit_price, " + t + ".discount_percent)";
    }
    private static final String OSLO_START = "((?::date)::timestamp AT TIME ZONE 'Europe/Oslo')";
    private static final String OSLO_END = "(((?::date) + 1)::timestamp AT TIME ZONE 'Europe/Oslo')";

    /**
     * The period's issued invoice and credit-note lines (kinds as given), each with its sale and
     * its position among that sale's lines on the invoice it was first billed on.
     */
    private static String billed(String kinds) {
        return "billed AS (SELECT i.id AS invoice_id, i.number, i.kind, i.status, i.issue_date AS day, i.company_id, i.buyer_name, "
                + "l.line_no, l.description, l.unit_price, coalesce(l.tax_percent, 0) AS tax_percent, " + net("l") + " AS net, "
                + "coalesce(l.sale_id, o.sale_id) AS sale_id, CASE WHEN o.line_no IS NULL "
                + "THEN row_number() OVER (PARTITION BY i.id, l.sale_id ORDER BY l.line_no) "
                + "ELSE (SELECT count(*) FROM invoice_line x WHERE x.invoice_id = o.invoice_id AND x.sale_id = o.sale_id "
                + "AND x.line_no <= o.line_no) END AS position "
                + "FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id "
                // a credit note's few lines find the lines they credit one by one, never by hashing every invoice line
                + "LEFT JOIN LATERAL (SELECT o.invoice_id, o.line_no, o.sale_id FROM invoice_line o "
                + "WHERE o.invoice_id = i.credited_invoice_id AND o.line_no = l.credited_line_no) o ON true "
                + "WHERE i.status <> 'DRAFT' AND i.kind IN (" + kinds + ") AND i.issue_date BETWEEN ? AND ?), "
                + "sale_lines AS (SELECT sl.sale_id, sl.placement_id, sl.unit_price, "
                + "row_number() OVER (PARTITION BY sl.sale_id ORDER BY sl.id) AS position FROM sale_line sl "
                + "WHERE sl.sale_id IN (SELECT sale_id FROM billed)) ";
    }

    private static final String MATCHED = " LEFT JOIN sale_lines m ON m.sale_id = b.sale_id AND m.position = b.position ";

    private final Jdbc jdbc;

    public JdbcLedgerQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The key and label of a dimension, for a sale's lines (s, sl) and for billed lines (b, s, m). */
    private record Keys(String saleKey, String saleLabel, String billedKey, String billedLabel, String paidKey, String paidLabel) {
        static Keys of(SalesDimension dimension) {
            return switch (dimension) {
                case TOTAL -> new Keys("NULL", "NULL", "NULL", "NULL", "NULL", "NULL");
                case SELLER -> new Keys("s.responsible_seller_id::text", "u.display_name", "s.responsible_seller_id::text", "u.display_name",
                        null, null);
                case TEAM -> new Keys("s.team", "s.team", "s.team", "s.team", null, null);
                case COMPANY -> new Keys("s.company_id::text", "c.name", "b.company_id::text", "b.buyer_name", "i.company_id::text",
                        "i.buyer_name");
                case PRODUCT -> new Keys("sl.description", "sl.description", "b.description", "b.description", null, null);
                case PLACEMENT -> new Keys("sl.placement_id::text", "p.name", "m.placement_id::text", "p.name", null, null);
                case CHANNEL -> new Keys("lower(p.channel)", "lower(p.channel)", "lower(p.channel)", "lower(p.channel)", null, null);
            };
        }
    }

    @Override
    public List<DayAmount> daily(LocalDate from, LocalDate to, SalesDimension dimension) {
        var keys = Keys.of(dimension);
        var rows = new ArrayList<DayAmount>();
        String placementOnly = dimension == SalesDimension.PLACEMENT ? " AND sl.placement_id IS NOT NULL"
                : dimension == SalesDimension.CHANNEL ? " AND p.channel IS NOT NULL" : "";
        // a sale's net is kept on the sale (V13); only the product and placement read its lines
        boolean lines = dimension == SalesDimension.PRODUCT || dimension == SalesDimension.PLACEMENT || dimension == SalesDimension.CHANNEL;
        String summed = lines ? "sum(" + net("sl") + ")" : "sum(s.net)";
        rows.addAll(jdbc.query("WITH ordered AS (SELECT h.sale_id, h.changed_at AS at FROM sale_stage_change h "
                        + "WHERE h.first_order AND h.changed_at >= " + OSLO_START + " AND h.changed_at < " + OSLO_END + ") "
                        + "SELECT (o.at AT TIME ZONE 'Europe/Oslo')::date AS day, s.barter, " + keys.saleKey() + " AS key, "
                        + keys.saleLabel() + " AS label, " + summed + " AS amount "
                        + "FROM ordered o JOIN sale s ON s.id = o.sale_id "
                        + (lines ? "JOIN sale_line sl ON sl.sale_id = s.id LEFT JOIN placement p ON p.id = sl.placement_id " : "")
                        + "LEFT JOIN staff_user u ON u.id = s.responsible_seller_id LEFT JOIN company c ON c.id = s.company_id "
                        + "WHERE true" + placementOnly + " GROUP BY 1, 2, 3, 4",
                List.of(from, to), rs -> {
                    var day = rs.getObject("day", LocalDate.class);
                    long amount = rs.getLong("amount");
                    var ordered = new DayAmount(day, Measure.ORDERED, rs.getString("key"), rs.getString("label"), amount);
                    return rs.getBoolean("barter") ? List.of(ordered, new DayAmount(day, Measure.BARTER_ORDERED, ordered.key(),
                            ordered.label(), amount)) : List.of(ordered);
                }).stream().flatMap(List::stream).toList());
        String billedPlacementOnly = dimension == SalesDimension.PLACEMENT ? " WHERE m.placement_id IS NOT NULL"
                : dimension == SalesDimension.CHANNEL ? " WHERE p.channel IS NOT NULL" : "";
        // only the placement and the channel need a billed line's sale line; a sale only a seller or a team
        boolean placed = dimension == SalesDimension.PLACEMENT || dimension == SalesDimension.CHANNEL;
        boolean sold = dimension == SalesDimension.SELLER || dimension == SalesDimension.TEAM;
        rows.addAll(jdbc.query("WITH " + billed("'INVOICE', 'CREDIT_NOTE'") + "SELECT b.day, b.kind, " + keys.billedKey() + " AS key, "
                        + keys.billedLabel() + " AS label, sum(b.net) AS amount FROM billed b"
                        + (placed ? MATCHED + "LEFT JOIN placement p ON p.id = m.placement_id" : "")
                        + (sold ? " LEFT JOIN sale s ON s.id = b.sale_id LEFT JOIN staff_user u ON u.id = s.responsible_seller_id" : "")
                        + billedPlacementOnly
                        + " GROUP BY 1, 2, 3, 4",
                List.of(from, to), rs -> new DayAmount(rs.getObject("day", LocalDate.class),
                        rs.getString("kind").equals("INVOICE") ? Measure.INVOICED : Measure.CREDITED, rs.getString("key"),
                        rs.getString("label"), rs.getLong("amount"))));
        if (dimension.carriesPayments()) {
            rows.addAll(jdbc.query("SELECT y.paid_on AS day, " + keys.paidKey() + " AS key, " + keys.paidLabel() + " AS label, "
                            + "sum(y.amount) AS amount FROM payment y JOIN invoice i ON i.id = y.invoice_id "
                            + "WHERE y.kind = 'PAYMENT' AND y.paid_on BETWEEN ? AND ? GROUP BY 1, 2, 3",
                    List.of(from, to), rs -> new DayAmount(rs.getObject("day", LocalDate.class), Measure.PAID, rs.getString("key"),
                            rs.getString("label"), rs.getLong("amount"))));
        }
        return rows;
    }

    /** The price list "on the day" is the one valid on the first day of the sale's booking of the placement, else on the issue date. */
    @Override
    public List<PriceDeviation> priceDeviations(LocalDate from, LocalDate to) {
        return jdbc.query("WITH " + billed("'INVOICE'") + "SELECT b.invoice_id, b.number, b.day, b.line_no, b.sale_id, b.description, "
                        + "m.placement_id, p.name, b.unit_price, lp.unit_price AS list_price, m.unit_price AS agreed_price FROM billed b" + MATCHED
                        + "LEFT JOIN placement p ON p.id = m.placement_id "
                        + "LEFT JOIN LATERAL (SELECT min(k.first_day) AS first_day FROM booking k WHERE k.sale_id = b.sale_id "
                        + "AND k.placement_id = m.placement_id AND k.status <> 'CANCELLED') k ON true "
                        + "LEFT JOIN placement_price lp ON lp.placement_id = m.placement_id AND lp.validity @> coalesce(k.first_day, b.day) "
                        + "WHERE b.sale_id IS NOT NULL AND (lp.unit_price <> b.unit_price OR m.unit_price <> b.unit_price) "
                        + "ORDER BY b.day, b.number, b.line_no",
                List.of(from, to), rs -> new PriceDeviation(rs.getLong("invoice_id"), rs.getLong("number"), rs.getObject("day", LocalDate.class),
                        rs.getInt("line_no"), rs.getLong("sale_id"), rs.getString("description"), Jdbc.nullableLong(rs, "placement_id"),
                        rs.getString("name"), rs.getLong("unit_price"), Jdbc.nullableLong(rs, "list_price"),
                        Jdbc.nullableLong(rs, "agreed_price")));
    }

    @Override
    public List<UnmatchedPayment> unmatchedPayments() {
        return jdbc.query("SELECT id, paid_on, amount, kid, source, registered_by FROM payment WHERE invoice_id IS NULL AND kind = 'PAYMENT' "
                        + "ORDER BY paid_on, id",
                List.of(), rs -> new UnmatchedPayment(rs.getLong("id"), rs.getObject("paid_on", LocalDate.class), rs.getLong("amount"),
                        rs.getString("kid"), rs.getString("source"), rs.getString("registered_by")));
    }

    /** The VAT of a line alone, half-up (an invoice computes its VAT per rate, so the lines' VAT may differ from it by an øre). */
    @Override
    public void salesData(LocalDate from, LocalDate to, Consumer<SalesDataRow> sink) {
        Jdbc.RowMapper<SalesDataRow> row = rs -> new SalesDataRow(rs.getString("source"), rs.getLong("sale_id"), rs.getLong("company_id"),
                rs.getString("company_name"), rs.getString("seller"), rs.getString("team"), rs.getString("placement"),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class), rs.getString("description"),
                rs.getLong("net"), rs.getLong("vat"), Jdbc.nullableLong(rs, "number"), rs.getObject("issue_date", LocalDate.class),
                rs.getString("status"));
        String booked = "LEFT JOIN LATERAL (SELECT min(k.first_day) AS first_day, max(k.last_day) AS last_day FROM booking k "
                + "WHERE k.sale_id = s.id AND k.placement_id = %s AND k.status <> 'CANCELLED') k ON true ";
        jdbc.stream("WITH " + billed("'INVOICE'") + "SELECT 'INVOICE' AS source, b.sale_id, b.company_id, b.buyer_name AS company_name, "
                        + "u.display_name AS seller, s.team, p.name AS placement, k.first_day, k.last_day, b.description, b.net, "
                        + "round(b.net * b.tax_percent / 100)::bigint AS vat, b.number, b.day AS issue_date, b.status "
                        + "FROM billed b" + MATCHED + "LEFT JOIN sale s ON s.id = b.sale_id LEFT JOIN staff_user u ON u.id = s.responsible_seller_id "
                        + "LEFT JOIN placement p ON p.id = m.placement_id " + booked.formatted("m.placement_id")
                        + "ORDER BY b.day, b.number, b.line_no",
                List.of(from, to), 2000, row, sink);
        jdbc.stream("SELECT 'SALE' AS source, s.id AS sale_id, s.company_id, c.name AS company_name, u.display_name AS seller, s.team, "
                        + "p.name AS placement, k.first_day, k.last_day, sl.description, " + net("sl") + " AS net, "
                        + "round(" + net("sl") + " * sl.vat_percent / 100)::bigint AS vat, NULL::bigint AS number, "
                        + "NULL::date AS issue_date, s.stage AS status FROM sale s JOIN sale_line sl ON sl.sale_id = s.id "
                        + "JOIN company c ON c.id = s.company_id LEFT JOIN staff_user u ON u.id = s.responsible_seller_id "
                        + "LEFT JOIN placement p ON p.id = sl.placement_id " + booked.formatted("sl.placement_id")
                        + "WHERE s.invoice_id IS NULL AND s.created_at >= " + OSLO_START + " AND s.created_at < " + OSLO_END + " "
                        + "ORDER BY s.created_at, s.id, sl.id",
                List.of(from, to), 2000, row, sink);
    }
}
