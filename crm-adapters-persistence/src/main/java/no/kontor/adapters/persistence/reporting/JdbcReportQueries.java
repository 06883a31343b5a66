package no.kontor.adapters.persistence.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.invoice.JdbcInvoices;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.shared.Page;
import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.application.reporting.OverdueInvoice;
import no.kontor.application.reporting.CreditNoteRow;
import no.kontor.application.reporting.UninvoicedOrder;
import no.kontor.application.reporting.StrayBooking;

/**
 * The reporting context's reads, in SQL of their own: the period's issued documents and their
 * lines, and the control lists, each in one statement over an index that holds just its rows
 * (V13, V15; plans in docs/benchmarks/reports.md).
 */
@Singleton
public class JdbcReportQueries implements ReportQueries {
    private final Jdbc jdbc;

    public JdbcReportQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IssuedDocument> issuedBetween(LocalDate from, LocalDate to) {
        record Row(long id, InvoiceKind kind, LocalDate issueDate, InvoiceLine line) {
        }
        var rows = jdbc.query("SELECT i.id AS document_id, i.kind, i.issue_date, l.* FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id "
                        + "WHERE i.status <> 'DRAFT' AND i.issue_date BETWEEN ? AND ? ORDER BY i.issue_date, i.id, l.line_no",
                List.of(from, to), rs -> new Row(rs.getLong("document_id"), InvoiceKind.valueOf(rs.getString("kind")),
                        rs.getObject("issue_date", LocalDate.class), JdbcInvoices.line(rs)));
        var documents = new LinkedHashMap<Long, IssuedDocument>();
        for (var row : rows) {
            documents.computeIfAbsent(row.id(), id -> new IssuedDocument(id, row.kind(), row.issueDate(), new ArrayList<>()))
                    .lines().add(row.line());
        }
        return documents.values().stream().map(d -> new IssuedDocument(d.invoiceId(), d.kind(), d.issueDate(), List.copyOf(d.lines())))
                .toList();
    }

    /**
     * Overdue as the domain says it (Invoice.isOverdue): an issued invoice, not wholly credited, money due, past its due date;
     * from V15's index of the invoices with money due. One row per invoice, its reminders counted beside it, its key columns
     * unqualified (the keyset reads them back by name).
     */
    private static final String OPEN = "i.kind = 'INVOICE' AND i.status NOT IN ('DRAFT', 'CREDITED') AND i.gross - i.paid - i.credited > 0 "
            + "AND i.due_date < ?";
    private static final String OVERDUE = "SELECT * FROM (SELECT i.id, i.number, i.company_id, i.buyer_name, c.responsible_seller_id, "
            + "i.due_date, i.gross - i.paid - i.credited AS due, r.reminders, r.last_reminder_on FROM invoice i "
            + "JOIN company c ON c.id = i.company_id LEFT JOIN LATERAL (SELECT count(*) AS reminders, max(x.sent_on) AS last_reminder_on "
            + "FROM invoice_reminder x WHERE x.invoice_id = i.id) r ON true WHERE " + OPEN + ") o WHERE true";
    private static final Keyset OVERDUE_ORDER = Keyset.ascending("overdue", Keyset.key("due_date", Keyset.Type.DATE),
            Keyset.key("number", Keyset.Type.LONG));

    private static OverdueInvoice overdue(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OverdueInvoice(rs.getLong("id"), rs.getLong("number"), rs.getLong("company_id"), rs.getString("buyer_name"),
                Jdbc.nullableLong(rs, "responsible_seller_id"), rs.getObject("due_date", LocalDate.class), rs.getLong("due"),
                rs.getInt("reminders"), rs.getObject("last_reminder_on", LocalDate.class));
    }

    @Override
    public List<OverdueInvoice> overdue(LocalDate asOf) {
        return jdbc.query(OVERDUE + " ORDER BY due_date, number", List.of(asOf), JdbcReportQueries::overdue);
    }

    @Override
    public Page<OverdueInvoice> overdue(LocalDate asOf, String cursor, int limit) {
        return OVERDUE_ORDER.page(jdbc, OVERDUE, List.of(asOf), cursor, limit, JdbcReportQueries::overdue);
    }

    @Override
    public List<DueDay> overdueByDueDate(LocalDate asOf) {
        return jdbc.query("SELECT i.due_date, count(*) AS invoices, sum(i.gross - i.paid - i.credited) AS due FROM invoice i WHERE " + OPEN
                + " GROUP BY i.due_date ORDER BY i.due_date", List.of(asOf), rs -> new DueDay(rs.getObject("due_date", LocalDate.class),
                rs.getInt("invoices"), rs.getLong("due")));
    }

    @Override
    public List<CreditNoteRow> creditNotesBetween(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT n.id, n.number, n.issue_date, i.id AS credited_id, i.number AS credited_number, n.company_id, "
                        + "n.buyer_name, n.gross, n.note, n.changed_by FROM invoice n JOIN invoice i ON i.id = n.credited_invoice_id "
                        + "WHERE n.kind = 'CREDIT_NOTE' AND n.status <> 'DRAFT' AND n.issue_date BETWEEN ? AND ? "
                        + "ORDER BY n.issue_date, n.number",
                List.of(from, to), rs -> new CreditNoteRow(rs.getLong("id"), rs.getLong("number"), rs.getObject("issue_date", LocalDate.class),
                        rs.getLong("credited_id"), rs.getLong("credited_number"), rs.getLong("company_id"), rs.getString("buyer_name"),
                        rs.getLong("gross"), rs.getString("note"), rs.getString("changed_by")));
    }

    @Override
    public List<StrayBooking> bookingsOfClosedSales() {
        return jdbc.query("SELECT b.id, b.placement_id, p.name, b.sale_id, s.stage, b.first_day, b.last_day, b.status FROM booking b "
                        + "JOIN sale s ON s.id = b.sale_id JOIN placement p ON p.id = b.placement_id "
                        + "WHERE b.status <> 'CANCELLED' AND s.stage IN ('LOST', 'CANCELLED') ORDER BY b.first_day, b.id",
                List.of(), rs -> new StrayBooking(rs.getLong("id"), rs.getLong("placement_id"), rs.getString("name"), rs.getLong("sale_id"),
                        rs.getString("stage"), rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                        rs.getString("status")));
    }

    /** One row per order, its key columns unqualified (the keyset reads them back by name). */
    private static final String UNINVOICED = "SELECT * FROM (SELECT s.id, s.company_id, c.name, c.responsible_seller_id, s.description, "
            + "s.ordered_at FROM sale s JOIN company c ON c.id = s.company_id WHERE s.stage = 'ORDERED' AND s.invoice_id IS NULL "
            + "AND s.ordered_at < ?) o WHERE true";
    private static final Keyset UNINVOICED_ORDER = Keyset.ascending("uninvoiced-orders", Keyset.key("ordered_at", Keyset.Type.INSTANT),
            Keyset.key("id", Keyset.Type.LONG));

    private static UninvoicedOrder uninvoiced(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UninvoicedOrder(rs.getLong("id"), rs.getLong("company_id"), rs.getString("name"),
                Jdbc.nullableLong(rs, "responsible_seller_id"), Jdbc.instant(rs, "ordered_at"), rs.getString("description"));
    }

    // the sale keeps when it last became ORDERED (V15), and the orders still waiting for an invoice have an index of their own
    @Override
    public List<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore) {
        return jdbc.query(UNINVOICED + " ORDER BY ordered_at, id", List.of(java.sql.Timestamp.from(orderedBefore)),
                JdbcReportQueries::uninvoiced);
    }

    @Override
    public Page<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore, String cursor, int limit) {
        return UNINVOICED_ORDER.page(jdbc, UNINVOICED, List.of(java.sql.Timestamp.from(orderedBefore)), cursor, limit,
                JdbcReportQueries::uninvoiced);
    }

    /** Days as a date range: the booked period clipped to the report's, its length in days. */
    @Override
    public List<PlacementDays> bookedDays(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT p.id, p.name, p.active, coalesce(sum(upper(b.period * daterange(?, ?, '[]')) "
                        + "- lower(b.period * daterange(?, ?, '[]'))), 0) AS booked FROM placement p "
                        + "LEFT JOIN booking b ON b.placement_id = p.id AND b.status <> 'CANCELLED' AND b.period && daterange(?, ?, '[]') "
                        + "GROUP BY p.id ORDER BY p.id",
                List.of(from, to, from, to, from, to), rs -> new PlacementDays(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"),
                        rs.getLong("booked")));
    }
}
