package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.ConflictException;

/**
 * A sale on an invoice, draft or issued, is fixed: its stage, its lines and its
 * bookings stay as the invoice bills them; issuing checks every sale once more.
 * The use cases on in-memory ports.
 */
class SaleOnInvoiceTest extends InvoicingWorld {
    @Test
    void aSaleOnADraftKeepsItsStageLinesAndBookings() {
        var sale = orderedSale();
        var draft = drafting.create(manager, List.of(sale), null, null).getId();
        var heldBooking = bookingOf(sale);

        refusedAsOnInvoice(() -> stages.execute(seller, sale, SaleStage.CANCELLED, "Kunden angret"), draft);
        refusedAsOnInvoice(() -> stages.execute(seller, sale, SaleStage.LOST, "Tapt"), draft);
        refusedAsOnInvoice(() -> saleLines.add(seller, sale, line("Mer")), draft);
        refusedAsOnInvoice(() -> booking.book(seller, sale, placement.id(), new Period(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2))),
                draft);
        refusedAsOnInvoice(() -> booking.cancel(seller, heldBooking.id()), draft);

        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(inventory.ofSale(sale)).singleElement().extracting(Booking::status).isEqualTo(Booking.Status.RESERVED);
        assertThat(lines.ofSale(sale)).hasSize(1);
        assertThat(booking.confirm(seller, heldBooking.id()).status()).as("confirming takes nothing away from what is billed")
                .isEqualTo(Booking.Status.CONFIRMED);

        var issued = issuing.execute(manager, draft, null);
        assertThat(issued.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.INVOICED);
    }

    @Test
    void aSaleOfAnIssuedInvoiceKeepsItsBookingsUntilAWholeCreditNoteFreesIt() {
        var sale = orderedSale();
        var invoice = drafting.create(manager, List.of(sale), null, null).getId();
        issuing.execute(manager, invoice, null);

        refusedAsOnInvoice(() -> booking.cancel(seller, bookingOf(sale).id()), invoice);
        refusedAsOnInvoice(() -> stages.execute(seller, sale, SaleStage.CANCELLED, "For sent"), invoice);
        assertThat(bookingOf(sale).status()).isEqualTo(Booking.Status.RESERVED);

        crediting.execute(manager, invoice, Set.of(), "Feil");
        assertThat(booking.cancel(seller, bookingOf(sale).id()).status()).as("off every invoice again, the sale is the seller's")
                .isEqualTo(Booking.Status.CANCELLED);
    }

    @Test
    void issuingRefusesADraftWhoseSaleIsNoLongerOrderedOnItAndSpendsNothing() {
        var kept = orderedSale();
        var bent = orderedSale();
        var draft = drafting.create(manager, List.of(kept, bent), null, null).getId();
        // what the old rules let through: the sale cancelled while it sat on the draft
        var onDraft = sales.find(bent).orElseThrow();
        sales.changeStage(new Sale(bent, onDraft.getCompanyId(), null, SaleStage.CANCELLED, "Angret", false, null,
                onDraft.getInvoiceId(), "selma", NOW, "selma", NOW, onDraft.getVersion()), SaleStage.ORDERED, "Angret");
        int eventsBefore = audit.events().size();

        assertThatThrownBy(() -> issuing.execute(manager, draft, null)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("invoice.sale-not-billable");
            assertThat(e.getMessage()).contains("sale " + bent.value(), "CANCELLED");
            assertThat(e.details()).containsEntry("saleId", bent.value());
        });
        assertThat(invoices.find(draft).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(numbers.next()).as("no number was spent").isEqualTo(1);
        assertThat(jobs.size()).isZero();
        assertThat(sales.find(kept).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(sales.find(bent).orElseThrow().getStage()).isEqualTo(SaleStage.CANCELLED);
        assertThat(audit.events()).hasSize(eventsBefore);
    }

    @Test
    void aSaleOffEveryInvoiceStillMovesAndReleasesItsBookings() {
        var sale = orderedSale();
        var draft = drafting.create(manager, List.of(sale), null, null);
        drafting.discard(manager, draft.getId(), draft.getVersion());
        stages.execute(seller, sale, SaleStage.CANCELLED, "Kunden angret");
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.CANCELLED);
        assertThat(bookingOf(sale).status()).isEqualTo(Booking.Status.CANCELLED);
        assertThat(invoices.find(new InvoiceId(draft.getId().value()))).isEmpty();
    }
}
