package no.kontor.adapters.persistence.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.invoice.JdbcInvoices;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;

/**
 * The reporting context's reads, in SQL of their own: one join over the period's issued
 * documents and their lines, in one statement. (A walking skeleton: the reports issue adds
 * the issue-date index and the summaries the speed targets need.)
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
}
