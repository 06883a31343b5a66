package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.port.Invoices;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Invoices} does: drafts change, issued documents are frozen, money moves. */
public abstract class InvoicesContract extends PortContract {

    private Invoices invoices() {
        return port(Invoices.class);
    }

    @Test
    void aDraftIsStoredReadLockedAndDeleted() {
        var draft = draftInvoice(company("Utkast"));
        assertThat(draft.getId()).isNotNull();
        var read = invoices().find(draft.getId()).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(read.getLines()).isEqualTo(draft.getLines());
        assertThat(tx(() -> invoices().lock(draft.getId()))).isPresent();
        run(() -> invoices().delete(draft));
        assertThat(invoices().find(draft.getId())).isEmpty();
        assertThat(invoices().find(new InvoiceId(987_654_321))).isEmpty();
    }

    @Test
    void anIssuedInvoiceKeepsItsDocumentAndIsFoundByItsKidAndItsNumber() {
        var issued = issuedInvoice();
        assertThat(issued.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoices().document(issued.getId())).contains("<Invoice/>");
        assertThat(tx(() -> invoices().lockByKid(issued.getKid().value()))).map(i -> i.getId()).contains(issued.getId());
        assertThat(tx(() -> invoices().lockByKid("000000000000000"))).isEmpty();
        assertThat(invoices().findByNumber(issued.getNumber())).map(i -> i.getId()).contains(issued.getId());
        assertThat(invoices().findByNumber(987_654_321L)).isEmpty();
        var read = invoices().find(issued.getId()).orElseThrow();
        assertThat(read.getNumber()).isEqualTo(issued.getNumber());
        assertThat(read.getDueDate()).isEqualTo(issued.getDueDate());
        assertThat(read.getBuyer()).isEqualTo(issued.getBuyer());
    }

    @Test
    void moneyMovesOnAnIssuedInvoiceAndAStaleChangeIsRefused() {
        var issued = issuedInvoice();
        var paid = tx(() -> invoices().updateMoney(issued.paidBy(50000, "user:1", now())));
        assertThat(paid.getStatus()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        assertThat(invoices().find(issued.getId()).orElseThrow().getPaid()).isEqualTo(50000);
        assertThatThrownBy(() -> tx(() -> invoices().updateMoney(issued.paidBy(1000, "user:2", now()))))
                .as("a change made from an old copy").isInstanceOf(StaleVersionException.class);
        assertThat(invoices().find(issued.getId()).orElseThrow().getPaid()).isEqualTo(50000);
    }

    @Test
    void aCreditNoteIsListedWithItsInvoiceAndItsLinesCountAsCredited() {
        var issued = issuedInvoice();
        var noteDraft = issued.creditNote(Set.of(), Set.of(), "Feil", "user:1", now());
        var note = tx(() -> invoices().add(noteDraft));
        assertThat(invoices().creditNotesOf(issued.getId())).as("a draft is no credit note yet").isEmpty();
        assertThat(invoices().creditedLines(issued.getId())).as("a draft credits nothing yet").isEmpty();
        tx(() -> invoices().issue(note.issue(new no.kontor.domain.invoice.Invoice.Issue(
                port(no.kontor.application.invoice.port.InvoiceNumbers.class).next(), issued.getIssueDate(), null, null, issued.getSeller(),
                issued.getBuyer()), "user:1", now()), "<CreditNote/>", null));
        assertThat(invoices().creditedLines(issued.getId())).containsExactly(1);
        assertThat(invoices().creditNotesOf(issued.getId())).extracting(i -> i.getId()).containsExactly(note.getId());
        assertThat(invoices().creditNotesOf(issued.getId(), null, 10).items()).hasSize(1);
    }

    @Test
    void anArchivedPdfIsKeptOnce() {
        var issued = issuedInvoice();
        assertThat(invoices().archivedPdf(issued.getId(), no.kontor.application.invoice.Giro.FULL)).isEmpty();
        run(() -> invoices().archivePdf(issued.getId(), new byte[] {'%', 'P', 'D', 'F'}, new byte[] {'%', 'P'}));
        assertThat(invoices().archivedPdf(issued.getId(), no.kontor.application.invoice.Giro.FULL)).hasValueSatisfying(
                pdf -> assertThat(pdf).containsExactly('%', 'P', 'D', 'F'));
    }
}
