package no.kontor.adapters.persistence.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.reporting.PriceDeviation;
import no.kontor.application.reporting.SalesDataRow;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.UnmatchedPayment;
import no.kontor.application.reporting.port.LedgerQueries;

/**
 * The books over a period in SQL. What was billed is read from {@code billed_line}, written
 * when each document is issued with the sale line, placement, seller and team it billed (V15);
 * what was ordered from the sale, which keeps its net and when it was first ordered (V13, V15).
 * So a month's report reads the month's rows from one index and nothing of the history behind
 * them (docs/decisions/sales-reports.md). Periods are Europe/Oslo days: a timestamp's day is
 * taken in Oslo, a day's start is Oslo midnight.
 */
@Singleton
public class JdbcLedgerQueries implements LedgerQueries {
    /** The net of the line aliased {@code t}, as the domain computes it (Amounts.lineNet), by V13's line_net. */
    private static String net(String t) {
        return "line_net(" + t + ".quantity, " + t + ".unit_price, " + t + ".discount_percent)";
    }
    private static final String OSLO_START = "((?::date)::timestamp AT TIME ZONE 'Europe/Oslo')";
    private static final String OSLO_END = "(((?::date) + 1)::timestamp AT TIME ZONE 'Europe/Oslo')";

    private final Jdbc jdbc;

    public JdbcLedgerQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The key and label of a dimension, for a sale's lines (s, sl), for billed lines (b) and for payments (i). */
    private record Keys(String saleKey, String saleLabel, String billedKey, String billedLabel, String paidKey, String paidLabel) {
        static Keys of(SalesDimension dimension) {
            return switch (dimension) {
                case TOTAL -> new Keys("NULL", "NULL", "NULL", "NULL", "NULL", "NULL");
                case SELLER -> new Keys("s.responsible_seller_id::text", "u.display_name", "b.seller_id::text", "u.display_name", null, null);
                case TEAM -> new Keys("s.team", "s.team", "b.team", "b.team", null, null);
                case COMPANY -> new Keys("s.company_id::text", "c.name", "b.company_id::text", "b.buyer_name", "i.company_id::text",
                        "i.buyer_name");
                case PRODUCT -> new Keys("sl.description", "sl.description", "b.description", "b.description", null, null);
                case PLACEMENT -> new Keys("sl.placement_id::text", "p.name", "b.placement_id::text", "p.name", null, null);
                case CHANNEL -> new Keys("lower(p.channel)", "lower(p.channel)", "lower(p.channel)", "lower(p.channel)", null, null);
            };
        }
    }

    @Override
    public List<DayAmount> daily(LocalDate from, LocalDate to, SalesDimension dimension, Set<Measure> measures) {
        var keys = Keys.of(dimension);
        var rows = new ArrayList<DayAmount>();
        boolean placed = dimension == SalesDimension.PLACEMENT || dimension == SalesDimension.CHANNEL;
        if (measures.contains(Measure.ORDERED) || measures.contains(Measure.BARTER_ORDERED)) {
            // a sale's net is kept on the sale (V13); only the product, the placement and the channel read its lines
            boolean lines = placed || dimension == SalesDimension.PRODUCT;
            rows.addAll(jdbc.query("SELECT (s.first_ordered_at AT TIME ZONE 'Europe/Oslo')::date AS day, s.barter, " + keys.saleKey() + " AS key, "
                            + keys.saleLabel() + " AS label, " + (lines ? "sum(" + net("sl") + ")" : "sum(s.net)") + " AS amount FROM sale s "
                            + (lines ? "JOIN sale_line sl ON sl.sale_id = s.id LEFT JOIN placement p ON p.id = sl.placement_id " : "")
                            + (dimension == SalesDimension.SELLER ? "LEFT JOIN staff_user u ON u.id = s.responsible_seller_id " : "")
                            + (dimension == SalesDimension.COMPANY ? "JOIN company c ON c.id = s.company_id " : "")
                            + "WHERE s.first_ordered_at >= " + OSLO_START + " AND s.first_ordered_at < " + OSLO_END
                            + (placed ? " AND " + keys.saleKey() + " IS NOT NULL" : "") + " GROUP BY 1, 2, 3, 4",
                    List.of(from, to), rs -> {
                        var day = rs.getObject("day", LocalDate.class);
                        long amount = rs.getLong("amount");
                        var ordered = new DayAmount(day, Measure.ORDERED, rs.getString("key"), rs.getString("label"), amount);
                        return rs.getBoolean("barter") ? List.of(ordered, new DayAmount(day, Measure.BARTER_ORDERED, ordered.key(),
                                ordered.label(), amount)) : List.of(ordered);
                    }).stream().flatMap(List::stream).filter(a -> measures.contains(a.measure())).toList());
        }
        if (measures.contains(Measure.INVOICED) || measures.contains(Measure.CREDITED)) {
            rows.addAll(jdbc.query("SELECT b.issue_date AS day, b.kind, " + keys.billedKey() + " AS key, " + keys.billedLabel() + " AS label, "
                            + "sum(b.net) AS amount FROM billed_line b "
                            + (placed ? "LEFT JOIN placement p ON p.id = b.placement_id " : "")
                            + (dimension == SalesDimension.SELLER ? "LEFT JOIN staff_user u ON u.id = b.seller_id " : "")
                            + "WHERE b.issue_date BETWEEN ? AND ?" + (placed ? " AND " + keys.billedKey() + " IS NOT NULL" : "")
                            + " GROUP BY 1, 2, 3, 4",
                    List.of(from, to), rs -> new DayAmount(rs.getObject("day", LocalDate.class),
                            rs.getString("kind").equals("INVOICE") ? Measure.INVOICED : Measure.CREDITED, rs.getString("key"),
                            rs.getString("label"), rs.getLong("amount"))).stream().filter(a -> measures.contains(a.measure())).toList());
        }
        if (measures.contains(Measure.PAID) && dimension.carriesPayments()) {
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
        return jdbc.query("SELECT b.invoice_id, b.number, b.issue_date, b.line_no, b.sale_id, b.description, b.placement_id, p.name, "
                        + "b.unit_price, lp.unit_price AS list_price, b.agreed_price FROM billed_line b "
                        + "LEFT JOIN placement p ON p.id = b.placement_id "
                        + "LEFT JOIN placement_price lp ON lp.placement_id = b.placement_id AND lp.validity @> coalesce(b.first_day, b.issue_date) "
                        + "WHERE b.kind = 'INVOICE' AND b.issue_date BETWEEN ? AND ? AND b.sale_id IS NOT NULL "
                        + "AND (lp.unit_price <> b.unit_price OR b.agreed_price <> b.unit_price) ORDER BY b.issue_date, b.number, b.line_no",
                List.of(from, to), rs -> new PriceDeviation(rs.getLong("invoice_id"), rs.getLong("number"), rs.getObject("issue_date", LocalDate.class),
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
        jdbc.stream("SELECT 'INVOICE' AS source, b.sale_id, b.company_id, b.buyer_name AS company_name, u.display_name AS seller, "
                        + "b.team, p.name AS placement, b.first_day, b.last_day, b.description, b.net, "
                        + "round(b.net * b.tax_percent / 100)::bigint AS vat, b.number, b.issue_date, b.status FROM billed_line b "
                        + "LEFT JOIN staff_user u ON u.id = b.seller_id LEFT JOIN placement p ON p.id = b.placement_id "
                        + "WHERE b.kind = 'INVOICE' AND b.issue_date BETWEEN ? AND ? ORDER BY b.issue_date, b.number, b.line_no",
                List.of(from, to), 2000, row, sink);
        String booked = "LEFT JOIN LATERAL (SELECT min(k.first_day) AS first_day, max(k.last_day) AS last_day FROM booking k "
                + "WHERE sl.placement_id IS NOT NULL AND k.sale_id = s.id AND k.placement_id = sl.placement_id AND k.status <> 'CANCELLED') k ON true ";
        jdbc.stream("SELECT 'SALE' AS source, s.id AS sale_id, s.company_id, c.name AS company_name, u.display_name AS seller, s.team, "
                        + "p.name AS placement, k.first_day, k.last_day, sl.description, " + net("sl") + " AS net, "
                        + "round(" + net("sl") + " * sl.vat_percent / 100)::bigint AS vat, NULL::bigint AS number, "
                        + "NULL::date AS issue_date, s.stage AS status FROM sale s JOIN sale_line sl ON sl.sale_id = s.id "
                        + "JOIN company c ON c.id = s.company_id LEFT JOIN staff_user u ON u.id = s.responsible_seller_id "
                        + "LEFT JOIN placement p ON p.id = sl.placement_id " + booked
                        + "WHERE s.invoice_id IS NULL AND s.created_at >= " + OSLO_START + " AND s.created_at < " + OSLO_END + " "
                        + "ORDER BY s.created_at, s.id, sl.id",
                List.of(from, to), 2000, row, sink);
    }
}
