package no.kontor.application.invoice.port;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.time.LocalDate;

import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.application.invoice.InvoiceFilter;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.CompanyBalance;

/**
 * The store of invoices and credit notes. Writes check the version the document was
 * read at ({@code StaleVersionException} otherwise, nothing written); the store also
 * refuses, on its own, any change to the content of an issued document.
 */
public interface Invoices {

    /** Stores a draft with its lines and returns it with its id. */
    Invoice add(Invoice draft);

    Optional<Invoice> find(InvoiceId id);

    /** The issued document with this number (invoices and credit notes share one series). */
    Optional<Invoice> findByNumber(long number);

    /** The document locked for the rest of the transaction. */
    Optional<Invoice> lock(InvoiceId id);

    /** The issued invoice with this KID, locked for the rest of the transaction. */
    Optional<Invoice> lockByKid(String kid);

    /** A draft's own fields (buyer reference, note). */
    Invoice update(Invoice draft);

    /** A draft discarded: it had no number, so nothing of the series is lost. */
    void delete(Invoice draft);

    /** Writes what issuing fixed, with the frozen UBL and the hash of the customer's PIN. */
    Invoice issue(Invoice issued, String ubl, byte[] pinHash);

    /**
     * A new PIN for an issued document: its hash replaces the old one, the login's failures and
     * lock are cleared, and the PIN's version rises, so a My page session opened with the old
     * PIN ends at its next request.
     */
    void replacePin(InvoiceId id, byte[] pinHash, String actor, java.time.Instant at);

    /** Writes what money did to an issued invoice: paid, credited, status. */
    Invoice updateMoney(Invoice changed);

    /** The line numbers of {@code invoice} that its credit notes have reversed. */
    Set<Integer> creditedLines(InvoiceId invoice);

    /** The credit notes of {@code invoice}, oldest first. */
    List<Invoice> creditNotesOf(InvoiceId invoice);

    /** The issued credit notes of an invoice, oldest first, a page after {@code cursor} (null: the first). */
    Page<Invoice> creditNotesOf(InvoiceId invoice, String cursor, int limit);

    /** The frozen UBL of an issued document. */
    Optional<String> document(InvoiceId id);

    /** The PDF archived for an issued document, for plain paper or a pre-printed giro form, once it is rendered. */
    Optional<byte[]> archivedPdf(InvoiceId id, Giro giro);

    /** Archives the rendered PDFs; the store keeps the first and refuses to replace them. */
    void archivePdf(InvoiceId id, byte[] pdf, byte[] preprinted);

    /** What a company owes on its issued invoices, what of it is overdue on {@code today}, and what it is owed back. */
    CompanyBalance balanceOf(CompanyId company, LocalDate today);

    /** Newest first, a page at a time. */
    Page<Invoice> list(InvoiceFilter filter, String cursor, int limit);
}
