package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;

/** {@link CreditInvoice} on in-memory ports: whole and partial credit notes, roles, audit, conflicts. */
class CreditInvoiceTest extends InvoicingWorld {

    private SaleId saleWithTwoLines() {
        var sale = orderedSale();
        saleLines.add(seller, sale, line("Halvside"));
        return sale;
    }

    private Invoice issuedFor(SaleId sale) {
        var id = drafting.create(manager, List.of(sale), null, null).getId();
        return issuing.execute(manager, id, null);
    }

    @Test
    void aWholeCreditNoteTakesTheNextNumberCreditsTheInvoiceAndFreesItsSales() {
        var sale = orderedSale();
        var invoice = issuedFor(sale);

        var note = crediting.execute(manager, invoice.getId(), Set.of(), "Feil kunde");

        assertThat(note.getKind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.getNumber()).as("the same series").isEqualTo(2L);
        assertThat(note.getCreditedInvoiceId()).isEqualTo(invoice.getId());
        assertThat(note.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(note.totals().gross()).isEqualTo(invoice.totals().gross());
        var after = invoices.find(invoice.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(after.getCredited()).isEqualTo(invoice.totals().gross());
        assertThat(sales.find(sale).orElseThrow().getStage()).as("ordered and uninvoiced again").isEqualTo(SaleStage.ORDERED);
        assertThat(jobs.of(note.getId())).singleElement().satisfies(j -> assertThat(j.kind()).isEqualTo(InvoiceJobKind.RENDER_PDF));
    }

    @Test
    void aWholeCreditIsAuditedForTheNoteTheInvoiceAndTheSale() {
        var sale = orderedSale();
        var invoice = issuedFor(sale);
        int before = audit.events().size();

        var note = crediting.execute(manager, invoice.getId(), Set.of(), "Feil kunde");

        assertThat(audit.events().subList(before, audit.events().size()))
                .extracting(e -> e.recordType() + ":" + e.recordId() + ":" + e.action() + ":" + e.actor())
                .containsExactly("invoice:" + note.getId().value() + ":created:" + manager.auditName(),
                        "invoice:" + invoice.getId().value() + ":credited:" + manager.auditName(),
                        "sale:" + sale.value() + ":stage-changed:" + manager.auditName());
    }

    @Test
    void aPartialCreditLowersWhatIsDueAndLeavesTheSaleInvoiced() {
        var sale = saleWithTwoLines();
        var invoice = issuedFor(sale);

        var note = crediting.execute(manager, invoice.getId(), Set.of(1), "Rabatt");

        assertThat(note.getLines()).hasSize(1);
        var after = invoices.find(invoice.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(after.getCredited()).isEqualTo(note.totals().gross()).isPositive().isLessThan(invoice.totals().gross());
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.INVOICED);
    }

    @Test
    void aLineIsCreditedOnceAndTheRestCompletesTheCredit() {
        var sale = saleWithTwoLines();
        var invoice = issuedFor(sale);
        crediting.execute(manager, invoice.getId(), Set.of(1), "Rabatt");

        assertThatThrownBy(() -> crediting.execute(manager, invoice.getId(), Set.of(1), "Igjen"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("credit-note.line-already-credited"));
        var rest = crediting.execute(manager, invoice.getId(), Set.of(), "Resten");
        assertThat(rest.getLines()).hasSize(1);
        assertThat(invoices.find(invoice.getId()).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
    }

    @Test
    void aCreditedInvoiceCannotBeCreditedAgain() {
        var invoice = issuedFor(orderedSale());
        crediting.execute(manager, invoice.getId(), Set.of(), "Feil");
        assertThatThrownBy(() -> crediting.execute(manager, invoice.getId(), Set.of(), "Feil igjen"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invoice.already-credited"));
    }

    @Test
    void aDraftCannotBeCredited() {
        var draft = drafting.create(manager, List.of(orderedSale()), null, null).getId();
        int stored = invoices.size();
        assertThatThrownBy(() -> crediting.execute(manager, draft, Set.of(), "Feil"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invoice.not-creditable"));
        assertThat(invoices.size()).isEqualTo(stored);
    }

    @Test
    void aCreditNoteCannotItselfBeCredited() {
        var invoice = issuedFor(orderedSale());
        var note = crediting.execute(manager, invoice.getId(), Set.of(), "Feil");
        assertThatThrownBy(() -> crediting.execute(manager, note.getId(), Set.of(), "Feil"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invoice.not-creditable"));
    }

    @Test
    void aCreditNoteStatesWhyAndNamesOnlyLinesTheInvoiceHas() {
        var invoice = issuedFor(orderedSale());
        assertThatThrownBy(() -> crediting.execute(manager, invoice.getId(), Set.of(), "  "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("credit-note.reason-invalid")));
        assertThatThrownBy(() -> crediting.execute(manager, invoice.getId(), Set.of(7), "Feil"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("credit-note.unknown-line")));
        assertThat(invoices.find(invoice.getId()).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aSellerMayNotCreditAndNothingIsWritten() {
        var invoice = issuedFor(orderedSale());
        int stored = invoices.size();
        int events = audit.events().size();
        assertThatThrownBy(() -> crediting.execute(seller, invoice.getId(), Set.of(), "Feil")).isInstanceOf(AccessDeniedException.class);
        assertThat(invoices.size()).isEqualTo(stored);
        assertThat(audit.events()).hasSize(events);
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        assertThatThrownBy(() -> crediting.execute(manager, new InvoiceId(404), Set.of(), "Feil")).isInstanceOf(NotFoundException.class);
    }
}
