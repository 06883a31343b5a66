package no.kontor.application.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import no.kontor.application.shared.Page;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.invoice.Reminder;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.shared.Paging;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.application.invoice.port.Invoices;

/** Every staff user reads invoices, credit notes, their EHF documents and archived PDFs. */
public final class ReadInvoices {
    public static final int MAX_PAGE = 200;

    private final Invoices invoices;
    private final InvoiceReminders reminders;
    private final InvoiceJobs jobs;
    private final Transactions tx;
    private final Clock clock;

    public ReadInvoices(Invoices invoices, InvoiceReminders reminders, InvoiceJobs jobs, Transactions tx, Clock clock) {
        this.invoices = invoices;
        this.reminders = reminders;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a list asks for; null fields do not filter, {@code overdue} keeps what is unpaid after its due date today. */
    public record Query(InvoiceStatus status, CompanyId companyId, LocalDate from, LocalDate to, boolean overdue) {
    }

    /** Today in Europe/Oslo, the day "overdue" is judged on. */
    public LocalDate today() {
        return BusinessDays.dayOf(clock.instant());
    }

    public Invoice view(Actor actor, InvoiceId id) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> find(id));
    }

    /** The invoice or credit note with this number, as people name it (the staff pages' forms take a number, not an id). */
    public Optional<Invoice> numbered(Actor actor, long number) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> invoices.findByNumber(number));
    }

    public Page<Invoice> creditNotes(Actor actor, InvoiceId id, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        return tx.readOnly(() -> {
            find(id);
            return invoices.creditNotesOf(id, cursor, limit);
        });
    }

    public Page<Invoice> list(Actor actor, Query query, String cursor, int limit) {
        actor.require(Role.SELLER);
        var filter = new InvoiceFilter(query.status(), query.companyId(), query.from(), query.to(), query.overdue() ? today() : null);
        return tx.readOnly(() -> invoices.list(filter, cursor, Math.max(1, Math.min(limit, MAX_PAGE))));
    }

    /** The frozen UBL; a draft has none yet. */
    public String document(Actor actor, InvoiceId id) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> {
            requireIssued(find(id));
            return invoices.document(id).orElseThrow(() -> new NotFoundException("invoice", id));
        });
    }

    /** The archived PDF for plain paper or a pre-printed giro form, or empty while it is still being rendered after issue. */
    public Optional<byte[]> pdf(Actor actor, InvoiceId id, Giro giro) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> {
            requireIssued(find(id));
            return invoices.archivedPdf(id, giro);
        });
    }

    /** What a company owes, has overdue today, and is owed back (its credit balance). */
    public CompanyBalance balance(Actor actor, CompanyId company) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> invoices.balanceOf(company, today()));
    }

    /** The reminders sent of an invoice, oldest first. */
    public Page<Reminder> reminders(Actor actor, InvoiceId id, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        return tx.readOnly(() -> {
            find(id);
            return reminders.of(id, cursor, limit);
        });
    }

    /** What was queued for an invoice (its PDF, e-mails, reminders) and how far each has come, newest first. */
    public Page<InvoiceJobStatus> jobs(Actor actor, InvoiceId id, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        return tx.readOnly(() -> {
            find(id);
            return jobs.of(id, cursor, limit);
        });
    }

    private Invoice find(InvoiceId id) {
        return invoices.find(id).orElseThrow(() -> new NotFoundException("invoice", id));
    }

    private static void requireIssued(Invoice invoice) {
        if (!invoice.getStatus().isIssued()) {
            throw new ConflictException("invoice.draft", "A draft has no document until it is issued");
        }
    }
}
