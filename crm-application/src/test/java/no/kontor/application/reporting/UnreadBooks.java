package no.kontor.application.reporting;

import java.time.LocalDate;
import java.util.List;

import no.kontor.application.reporting.port.ReportQueries;

/** A report test's books: each test overrides what its report reads; reading anything else fails the test. */
abstract class UnreadBooks implements ReportQueries {

    @Override
    public List<IssuedDocument> issuedBetween(LocalDate from, LocalDate to) {
        throw new AssertionError("this report reads no issued documents");
    }

    @Override
    public no.kontor.application.shared.Page<OverdueInvoice> overdue(LocalDate asOf, String cursor, int limit) {
        throw new AssertionError("this report reads no overdue invoices");
    }

    @Override
    public List<DueDay> overdueByDueDate(LocalDate asOf) {
        throw new AssertionError("this report reads no overdue invoices");
    }

    @Override
    public List<OverdueInvoice> overdue(LocalDate asOf) {
        throw new AssertionError("this report reads no overdue list");
    }

    @Override
    public List<CreditNoteRow> creditNotesBetween(LocalDate from, LocalDate to) {
        throw new AssertionError("this report reads no credit notes");
    }

    @Override
    public List<StrayBooking> bookingsOfClosedSales() {
        throw new AssertionError("this report reads no bookings");
    }

    @Override
    public List<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore) {
        throw new AssertionError("this report reads no uninvoiced orders");
    }

    @Override
    public no.kontor.application.shared.Page<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore, String cursor, int limit) {
        throw new AssertionError("this report reads no uninvoiced orders");
    }

    @Override
    public List<PlacementDays> bookedDays(LocalDate from, LocalDate to) {
        throw new AssertionError("this report reads no bookings");
    }
}
