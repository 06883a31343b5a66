package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceKind;

/** What every {@link ReportQueries} does: reads the books as issued, by issue date, drafts never. */
public abstract class ReportQueriesContract extends PortContract {
    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 24);

    @Test
    void issuedDocumentsAreReadByIssueDateWithTheirLinesAndDraftsNever() {
        var invoice = issuedInvoice();
        var draft = draftInvoice(company("Utkast"));
        var noteDraft = tx(() -> port(Invoices.class).add(invoice.creditNote(Set.of(), Set.of(), "Feil", "user:1", now())));
        var note = tx(() -> port(Invoices.class).issue(noteDraft.issue(new Invoice.Issue(port(InvoiceNumbers.class).next(), ISSUED_ON,
                null, null, invoice.getSeller(), invoice.getBuyer()), "user:1", now()), "<CreditNote/>", null));

        var read = tx(() -> port(ReportQueries.class).issuedBetween(ISSUED_ON, ISSUED_ON));
        assertThat(read).extracting(ReportQueries.IssuedDocument::invoiceId)
                .contains(invoice.getId().value(), note.getId().value()).doesNotContain(draft.getId().value());
        assertThat(read).filteredOn(d -> d.invoiceId() == invoice.getId().value()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(InvoiceKind.INVOICE);
            assertThat(d.issueDate()).isEqualTo(ISSUED_ON);
            assertThat(d.lines()).isEqualTo(invoice.getLines());
        });
        assertThat(read).filteredOn(d -> d.invoiceId() == note.getId().value()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE));
    }

    @Test
    void thePeriodIncludesBothEndsAndNothingOutside() {
        var invoice = issuedInvoice();
        long id = invoice.getId().value();
        assertThat(tx(() -> port(ReportQueries.class).issuedBetween(ISSUED_ON.minusDays(30), ISSUED_ON)))
                .extracting(ReportQueries.IssuedDocument::invoiceId).contains(id);
        assertThat(tx(() -> port(ReportQueries.class).issuedBetween(ISSUED_ON, ISSUED_ON.plusDays(30))))
                .extracting(ReportQueries.IssuedDocument::invoiceId).contains(id);
        assertThat(tx(() -> port(ReportQueries.class).issuedBetween(ISSUED_ON.plusDays(1), ISSUED_ON.plusDays(30))))
                .extracting(ReportQueries.IssuedDocument::invoiceId).doesNotContain(id);
        assertThat(tx(() -> port(ReportQueries.class).issuedBetween(ISSUED_ON.minusDays(30), ISSUED_ON.minusDays(1))))
                .extracting(ReportQueries.IssuedDocument::invoiceId).doesNotContain(id);
    }
}
