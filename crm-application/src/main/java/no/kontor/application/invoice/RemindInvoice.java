package no.kontor.application.invoice;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.Reminder;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.application.invoice.port.Invoices;

/**
 * A manager sends a reminder of an unpaid invoice, with or without a fee, as the
 * rules of {@link Reminder} allow today (Europe/Oslo). It is numbered and stored, and
 * its e-mail with the reminder PDF is queued in the same transaction.
 */
public final class RemindInvoice {
    private final Invoices invoices;
    private final InvoiceReminders reminders;
    private final Companies companies;
    private final InvoiceJobs jobs;
    private final ReminderSettings settings;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public RemindInvoice(Invoices invoices, InvoiceReminders reminders, Companies companies, InvoiceJobs jobs, ReminderSettings settings,
                         IdempotencyKeys keys, AuditTrail audit, Transactions tx, Clock clock) {
        this.invoices = invoices;
        this.reminders = reminders;
        this.companies = companies;
        this.jobs = jobs;
        this.settings = settings;
        this.keys = keys;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param idempotencyKey optional: a retry with the same key sends nothing new and answers with the first request's reminder */
    public Reminder execute(Actor actor, InvoiceId id, boolean withFee, String idempotencyKey) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            var now = clock.instant();
            if (idempotencyKey != null) {
                var earlier = keys.earlierOutcome(actor.auditName(), idempotencyKey, "remind:" + id.value() + ":" + withFee,
                        IssueInvoice.KEY_KEPT_FOR, now, "This Idempotency-Key was used for another request");
                if (earlier.isPresent()) {
                    return reminders.find(Long.parseLong(earlier.get())).orElseThrow();
                }
            }
            var invoice = invoices.lock(id).orElseThrow(() -> new NotFoundException("invoice", id));
            var reminder = reminders.add(Reminder.next(invoice, reminders.of(id), BusinessDays.dayOf(now), withFee, settings.feeKroner(),
                    settings.interestPercent(), actor.auditName(), now));
            String to = InvoiceAddress.of(companies, invoice);
            long job = jobs.sendReminder(id, reminder.id(), to, actor.auditName());
            if (idempotencyKey != null) {
                keys.complete(actor.auditName(), idempotencyKey, Long.toString(reminder.id()));
            }
            var fields = new LinkedHashMap<String, Object>(reminder.auditFields());
            fields.put("jobId", job);
            fields.put("to", to);
            audit.record(AuditEvent.of(actor, now, "invoice", id, "reminded", Map.of(), fields, null));
            return reminder;
        });
    }
}
