package no.kontor.application.reporting.port;

import java.time.LocalDate;
import java.util.List;

import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.application.reporting.OverdueInvoice;
import no.kontor.application.reporting.CreditNoteRow;
import no.kontor.application.reporting.UninvoicedOrder;
import no.kontor.application.reporting.StrayBooking;

/**
 * The reporting context's read port: it may read every context's tables, and only reads.
 * More queries join it as the reports grow (docs/architecture.md#contexts).
 */
public interface ReportQueries {

    /** Every issued invoice and credit note whose issue date lies in {@code from}–{@code to}, both included, with its lines. */
    List<IssuedDocument> issuedBetween(LocalDate from, LocalDate to);

    /**
     * Every invoice overdue on {@code asOf}: issued, not wholly credited, with money still due
     * and a due date before that day; with its company's responsible seller and its reminders.
     */
    List<OverdueInvoice> overdue(LocalDate asOf);

    /** The same, by due date then number, a page after {@code cursor} (null: the first). */
    no.kontor.application.shared.Page<OverdueInvoice> overdue(LocalDate asOf, String cursor, int limit);

    /** Per due date, how many invoices are overdue on {@code asOf} and what they still owe: what the age bands sum. */
    List<DueDay> overdueByDueDate(LocalDate asOf);

    record DueDay(LocalDate dueDate, int invoices, long due) {
    }

    /** Every credit note issued in {@code from}–{@code to}, both included, by issue date and number. */
    List<CreditNoteRow> creditNotesBetween(LocalDate from, LocalDate to);

    /** Active (not cancelled) bookings whose sale is lost or cancelled: days held for nobody. */
    List<StrayBooking> bookingsOfClosedSales();

    /** Sales ordered before {@code orderedBefore} and still on no invoice; when each became ordered comes from its stage history. */
    List<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore);

    /** The same, the oldest order first, a page after {@code cursor} (null: the first). */
    no.kontor.application.shared.Page<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore, String cursor, int limit);

    /**
     * Every placement with the days of {@code from}–{@code to} its active bookings hold (a
     * placement is never booked twice for a day, so the days add up without overlap).
     */
    List<PlacementDays> bookedDays(LocalDate from, LocalDate to);

    record PlacementDays(long placementId, String name, boolean active, long bookedDays) {
    }

    /** An issued document as the books see it: its kind (a credit note counts negative) and its frozen lines. */
    record IssuedDocument(long invoiceId, InvoiceKind kind, LocalDate issueDate, List<InvoiceLine> lines) {
    }
}
