package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.shared.RequestMismatchException;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.NotFoundException;

/** {@link IssueInvoice} on in-memory ports: its rules, its role check, its audit and its conflicts. */
class IssueInvoiceTest extends InvoicingWorld {

    private InvoiceId draftOf(no.kontor.domain.sale.SaleId... saleIds) {
        return drafting.create(manager, List.of(saleIds), null, null).getId();
    }

    @Test
    void aManagerIssuesADraftWithTheNextNumberDatesAKidAndAFrozenDocument() {
        var sale = orderedSale();
        var id = draftOf(sale);

        var issued = issuing.execute(manager, id, null);

        assertThat(issued.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.getNumber()).isEqualTo(1L);
        assertThat(issued.getIssueDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(issued.getDueDate()).as("the payment terms of the settings").isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(issued.getKid().value()).as("customer number, invoice number, check digit")
                .startsWith(String.format("%07d%07d", company.getId().value(), 1)).hasSize(15);
        assertThat(Kid.isValid(issued.getKid().value(), Kid.Algorithm.MOD10)).isTrue();
        assertThat(issued.getBuyer().name()).isEqualTo("Kunde AS");
        assertThat(invoices.row(id).ubl()).as("the frozen document").isEqualTo("<Invoice/>");
        assertThat(invoices.row(id).pinHash()).as("only the PIN's hash is kept").isNotNull();
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.INVOICED);
    }

    @Test
    void issuingQueuesTheRenderingOfThePdfInTheSameTransaction() {
        var id = draftOf(orderedSale());
        issuing.execute(manager, id, null);
        assertThat(jobs.of(id)).singleElement().satisfies(j -> assertThat(j.kind()).isEqualTo(InvoiceJobKind.RENDER_PDF));
    }

    @Test
    void issuingIsAuditedForTheInvoiceAndEachSale() {
        var sale = orderedSale();
        var id = draftOf(sale);
        int before = audit.events().size();

        issuing.execute(manager, id, null);

        var events = audit.events().subList(before, audit.events().size());
        assertThat(events).extracting(e -> e.recordType() + ":" + e.recordId() + ":" + e.action())
                .containsExactly("invoice:" + id.value() + ":issued", "sale:" + sale.value() + ":stage-changed");
        assertThat(events).allSatisfy(e -> assertThat(e.actor()).isEqualTo(manager.auditName()));
    }

    @Test
    void numbersFollowEachOtherWithoutGaps() {
        var first = draftOf(orderedSale());
        var second = draftOf(orderedSale());
        assertThat(issuing.execute(manager, second, null).getNumber()).isEqualTo(1L);
        assertThat(issuing.execute(manager, first, null).getNumber()).isEqualTo(2L);
    }

    @Test
    void aSellerMayNotIssueAndNothingIsWritten() {
        var sale = orderedSale();
        var id = draftOf(sale);
        int before = audit.events().size();
        assertThatThrownBy(() -> issuing.execute(seller, id, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(invoices.find(id).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(jobs.size()).isZero();
        assertThat(audit.events()).hasSize(before);
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
    }

    @Test
    void anIssuedInvoiceCannotBeIssuedAgain() {
        var id = draftOf(orderedSale());
        issuing.execute(manager, id, null);
        assertThatThrownBy(() -> issuing.execute(manager, id, null)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("invoice.already-issued"));
        assertThat(jobs.size()).as("no second render").isEqualTo(1);
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        assertThatThrownBy(() -> issuing.execute(manager, new InvoiceId(999), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameInvoiceAndTakesNoSecondNumber() {
        var id = draftOf(orderedSale());
        var first = issuing.execute(manager, id, "key-1");
        int events = audit.events().size();

        var replay = issuing.execute(manager, id, "key-1");

        assertThat(replay.getId()).isEqualTo(first.getId());
        assertThat(replay.getNumber()).isEqualTo(1L);
        assertThat(jobs.size()).isEqualTo(1);
        assertThat(audit.events()).as("a replay is not a second change").hasSize(events);
    }

    @Test
    void theSameKeyForAnotherInvoiceIsRefused() {
        var first = draftOf(orderedSale());
        var second = draftOf(orderedSale());
        issuing.execute(manager, first, "key-2");
        assertThatThrownBy(() -> issuing.execute(manager, second, "key-2")).isInstanceOf(RequestMismatchException.class);
        assertThat(invoices.find(second).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void aDocumentTheValidatorRefusesRollsBackTheNumber() {
        var id = draftOf(orderedSale());
        problem = "line 1, column 1: not UBL";
        assertThatThrownBy(() -> issuing.execute(manager, id, null)).isInstanceOf(no.kontor.domain.shared.UnprocessableException.class);
        problem = null;
        var other = draftOf(orderedSale());
        assertThat(issuing.execute(manager, other, null).getNumber()).as("number 1 was given back").isEqualTo(1L);
    }
}
