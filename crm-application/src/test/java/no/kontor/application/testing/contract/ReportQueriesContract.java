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
import no.kontor.application.reporting.OverdueInvoice;
import no.kontor.application.reporting.CreditNoteRow;
import no.kontor.application.reporting.UninvoicedOrder;
import no.kontor.application.reporting.StrayBooking;

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

    @Test
    void anInvoiceIsOverdueTheDayAfterItsDueDateWithWhatIsStillDueAndItsReminders() {
        var invoice = issuedInvoice(); // due 8 December 2026, 1 250.00
        long id = invoice.getId().value();
        var dueDay = invoice.getDueDate();
        assertThat(tx(() -> port(ReportQueries.class).overdue(dueDay))).extracting(OverdueInvoice::invoiceId)
                .doesNotContain(id);

        tx(() -> port(Invoices.class).updateMoney(invoice.paidBy(50000, "user:1", now())));
        tx(() -> port(no.kontor.application.invoice.port.InvoiceReminders.class).add(new no.kontor.domain.invoice.Reminder(null,
                invoice.getId(), 1, dueDay.plusDays(1), dueDay.plusDays(15), 75000, 0, 0, "user:1", now())));
        var overdue = tx(() -> port(ReportQueries.class).overdue(dueDay.plusDays(1)));
        assertThat(overdue).filteredOn(o -> o.invoiceId() == id).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo(invoice.getNumber());
            assertThat(o.companyId()).isEqualTo(invoice.getCompanyId().value());
            assertThat(o.buyerName()).isEqualTo("Kunde AS");
            assertThat(o.dueDate()).isEqualTo(dueDay);
            assertThat(o.due()).as("1 250.00 less 500.00 paid").isEqualTo(75000);
            assertThat(o.reminders()).isEqualTo(1);
            assertThat(o.lastReminderOn()).isEqualTo(dueDay.plusDays(1));
        });
    }

    @Test
    void aPaidOrCreditedInvoiceIsNeverOverdue() {
        var paid = issuedInvoice();
        tx(() -> port(Invoices.class).updateMoney(paid.paidBy(125000, "user:1", now())));
        var credited = issuedInvoice();
        tx(() -> port(Invoices.class).updateMoney(credited.creditedBy(125000, true, "user:1", now())));
        assertThat(tx(() -> port(ReportQueries.class).overdue(LocalDate.of(2027, 6, 1)))).extracting(OverdueInvoice::invoiceId)
                .doesNotContain(paid.getId().value(), credited.getId().value());

        // a page at a time, in the same order as the whole list; and per due date, what the bands sum
        var day = LocalDate.of(2027, 6, 1);
        var all = tx(() -> port(ReportQueries.class).overdue(day));
        var paged = new java.util.ArrayList<OverdueInvoice>();
        String cursor = null;
        do {
            String from = cursor;
            var page = tx(() -> port(ReportQueries.class).overdue(day, from, 1));
            paged.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
        var byDay = tx(() -> port(ReportQueries.class).overdueByDueDate(day));
        assertThat(byDay.stream().mapToInt(ReportQueries.DueDay::invoices).sum()).isEqualTo(all.size());
        assertThat(byDay.stream().mapToLong(ReportQueries.DueDay::due).sum()).isEqualTo(all.stream().mapToLong(OverdueInvoice::due).sum());
    }

    @Test
    void creditNotesAreListedWithTheInvoiceTheyCreditAndTheirReason() {
        var invoice = issuedInvoice();
        var noteDraft = tx(() -> port(Invoices.class).add(invoice.creditNote(Set.of(), Set.of(), "Feil kunde", "user:7", now())));
        var note = tx(() -> port(Invoices.class).issue(noteDraft.issue(new Invoice.Issue(port(InvoiceNumbers.class).next(), ISSUED_ON,
                null, null, invoice.getSeller(), invoice.getBuyer()), "user:7", now()), "<CreditNote/>", null));
        var unissued = tx(() -> port(Invoices.class).add(issuedInvoice().creditNote(Set.of(), Set.of(), "Utkast", "user:7", now())));

        var rows = tx(() -> port(ReportQueries.class).creditNotesBetween(ISSUED_ON, ISSUED_ON));
        assertThat(rows).extracting(CreditNoteRow::creditNoteId).contains(note.getId().value())
                .doesNotContain(unissued.getId().value(), invoice.getId().value());
        assertThat(rows).filteredOn(r -> r.creditNoteId() == note.getId().value()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(note.getNumber());
            assertThat(r.creditedInvoiceId()).isEqualTo(invoice.getId().value());
            assertThat(r.creditedInvoiceNumber()).isEqualTo(invoice.getNumber());
            assertThat(r.gross()).isEqualTo(125000);
            assertThat(r.reason()).isEqualTo("Feil kunde");
            assertThat(r.issuedBy()).isEqualTo("user:7");
            assertThat(r.buyerName()).isEqualTo("Kunde AS");
        });
        assertThat(tx(() -> port(ReportQueries.class).creditNotesBetween(ISSUED_ON.plusDays(1), ISSUED_ON.plusDays(2))))
                .extracting(CreditNoteRow::creditNoteId).doesNotContain(note.getId().value());
    }

    @Test
    void anActiveBookingOfALostSaleIsStrayUntilItIsCancelled() {
        var saleId = sale(no.kontor.domain.sale.SaleStage.ORDERED);
        var placement = placementId();
        var booking = tx(() -> port(no.kontor.application.inventory.port.Bookings.class).add(no.kontor.domain.inventory.Booking.reserve(
                placement, saleId, new no.kontor.domain.inventory.Period(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 3)), "user:1", now())));
        assertThat(tx(() -> port(ReportQueries.class).bookingsOfClosedSales())).extracting(StrayBooking::bookingId)
                .doesNotContain(booking.id().value());

        var sales = port(no.kontor.application.sale.port.Sales.class);
        var ordered = sales.find(saleId).orElseThrow();
        tx(() -> sales.changeStage(ordered.moveTo(no.kontor.domain.sale.SaleStage.LOST, "for dyrt", "user:1", now()),
                no.kontor.domain.sale.SaleStage.ORDERED, "for dyrt"));
        assertThat(tx(() -> port(ReportQueries.class).bookingsOfClosedSales())).filteredOn(b -> b.bookingId() == booking.id().value())
                .singleElement().satisfies(b -> {
                    assertThat(b.saleId()).isEqualTo(saleId.value());
                    assertThat(b.saleStage()).isEqualTo("LOST");
                    assertThat(b.placementId()).isEqualTo(placement.value());
                    assertThat(b.placementName()).startsWith("Plass ");
                    assertThat(b.firstDay()).isEqualTo(LocalDate.of(2027, 6, 1));
                    assertThat(b.status()).isEqualTo("RESERVED");
                });

        tx(() -> port(no.kontor.application.inventory.port.Bookings.class).update(booking.cancel("user:1", now())));
        assertThat(tx(() -> port(ReportQueries.class).bookingsOfClosedSales())).extracting(StrayBooking::bookingId)
                .doesNotContain(booking.id().value());
    }

    @Test
    void anOrderedSaleOnNoInvoiceIsListedOnceItWasOrderedBeforeTheCutOff() {
        var before = now();
        var ordered = sale(no.kontor.domain.sale.SaleStage.ORDERED);
        var lead = sale(no.kontor.domain.sale.SaleStage.LEAD);
        var after = now().plusSeconds(1);

        assertThat(tx(() -> port(ReportQueries.class).orderedNotInvoiced(after))).filteredOn(o -> o.saleId() == ordered.value())
                .singleElement().satisfies(o -> {
                    assertThat(o.companyName()).startsWith("Salg ");
                    assertThat(o.orderedAt()).isBetween(before, after);
                    assertThat(o.description()).isEqualTo("kontrakt");
                });
        assertThat(tx(() -> port(ReportQueries.class).orderedNotInvoiced(after))).extracting(UninvoicedOrder::saleId)
                .doesNotContain(lead.value());
        assertThat(tx(() -> port(ReportQueries.class).orderedNotInvoiced(before.minusSeconds(1))))
                .extracting(UninvoicedOrder::saleId).doesNotContain(ordered.value());

        // a page at a time, in the same order as the whole list, each order once
        var all = tx(() -> port(ReportQueries.class).orderedNotInvoiced(after));
        var paged = new java.util.ArrayList<UninvoicedOrder>();
        String cursor = null;
        do {
            String from = cursor;
            var page = tx(() -> port(ReportQueries.class).orderedNotInvoiced(after, from, 1));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
            paged.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void bookedDaysAreTheActiveBookingsDaysClippedToThePeriod() {
        var placement = placementId();
        var bookings = port(no.kontor.application.inventory.port.Bookings.class);
        // 28 Feb–3 Mar (2 days in March), 10–12 March (3), a cancelled 20–25 March (none): 5 of March's 31 days
        tx(() -> bookings.add(no.kontor.domain.inventory.Booking.reserve(placement, sale(no.kontor.domain.sale.SaleStage.ORDERED),
                new no.kontor.domain.inventory.Period(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 2)), "user:1", now())));
        tx(() -> bookings.add(no.kontor.domain.inventory.Booking.reserve(placement, sale(no.kontor.domain.sale.SaleStage.ORDERED),
                new no.kontor.domain.inventory.Period(LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 12)), "user:1", now())));
        var cancelled = tx(() -> bookings.add(no.kontor.domain.inventory.Booking.reserve(placement,
                sale(no.kontor.domain.sale.SaleStage.ORDERED), new no.kontor.domain.inventory.Period(LocalDate.of(2027, 3, 20),
                        LocalDate.of(2027, 3, 25)), "user:1", now())));
        tx(() -> bookings.update(cancelled.cancel("user:1", now())));
        var idle = placementId();

        var days = tx(() -> port(ReportQueries.class).bookedDays(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)));
        assertThat(days).filteredOn(d -> d.placementId() == placement.value()).singleElement().satisfies(d -> {
            assertThat(d.bookedDays()).isEqualTo(5);
            assertThat(d.active()).isTrue();
            assertThat(d.name()).startsWith("Plass ");
        });
        assertThat(days).filteredOn(d -> d.placementId() == idle.value()).singleElement()
                .satisfies(d -> assertThat(d.bookedDays()).isZero());
    }
}
