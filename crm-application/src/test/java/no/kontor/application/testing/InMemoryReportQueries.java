package no.kontor.application.testing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.domain.invoice.Invoice;

/** The reporting context's reads over the in-memory invoices, as the JDBC adapter reads the tables. */
public final class InMemoryReportQueries implements ReportQueries {
    private final InMemoryInvoices invoices;

    public InMemoryReportQueries(InMemoryInvoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public List<IssuedDocument> issuedBetween(LocalDate from, LocalDate to) {
        return invoices.all().stream()
                .filter(i -> i.getStatus().isIssued() && !i.getIssueDate().isBefore(from) && !i.getIssueDate().isAfter(to))
                .sorted(Comparator.comparing(Invoice::getIssueDate).thenComparing(i -> i.getId().value()))
                .map(i -> new IssuedDocument(i.getId().value(), i.getKind(), i.getIssueDate(), i.getLines()))
                .toList();
    }
}
