package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.sale.SaleStage;

/**
 * Issuing and crediting check the document they freeze before anything is written:
 * a document the validator refuses leaves no number spent, no job, no audit entry
 * and the sales as they were. The use cases on in-memory ports.
 */
class DocumentCheckTest extends InvoicingWorld {
    @Test
    void anInvoiceWhoseDocumentIsRefusedIsNotIssuedAndItsNumberIsNotSpent() {
        var sale = orderedSale();
        var draft = drafting.create(manager, List.of(sale), null, null).getId();
        int events = audit.events().size();
        problem = "line 1, column 200: not well-formed XML";
        assertThatThrownBy(() -> issuing.execute(manager, draft, "retry-1")).isInstanceOfSatisfying(
                no.kontor.domain.shared.UnprocessableException.class, e -> {
                    assertThat(e.code()).isEqualTo("invoice.document-invalid");
                    assertThat(e.getMessage()).contains("line 1, column 200: not well-formed XML", "number 1");
                });
        assertThat(invoices.find(draft).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoices.row(draft).ubl()).isNull();
        assertThat(jobs.size()).isZero();
        assertThat(keys.size()).as("the idempotency key is not kept either").isZero();
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(audit.events()).hasSize(events);

        problem = null;
        assertThat(issuing.execute(manager, draft, "retry-1").getNumber()).as("the number was given back").isEqualTo(1L);
    }

    @Test
    void aCreditNoteWhoseDocumentIsRefusedIsNotIssued() {
        var sale = orderedSale();
        var invoice = drafting.create(manager, List.of(sale), null, null).getId();
        issuing.execute(manager, invoice, null);
        int stored = invoices.size();
        problem = "line 3, column 9: not valid UBL 2.1";
        assertThatThrownBy(() -> crediting.execute(manager, invoice, Set.of(), "Feil"))
                .isInstanceOf(no.kontor.domain.shared.UnprocessableException.class).hasMessageContaining("credit note");
        assertThat(invoices.size()).as("no credit note, not even a draft").isEqualTo(stored);
        assertThat(invoices.find(invoice).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.INVOICED);
        problem = null;
        assertThat(crediting.execute(manager, invoice, Set.of(), "Feil").getNumber()).isEqualTo(2L);
    }
}
