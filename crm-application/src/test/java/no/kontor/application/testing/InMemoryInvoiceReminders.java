package no.kontor.application.testing;

import java.util.List;
import java.util.Optional;

import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.Reminder;
import no.kontor.application.shared.Page;

/** Reminders in memory, oldest first per invoice. */
public final class InMemoryInvoiceReminders extends InMemoryStore<Reminder> implements InvoiceReminders {

    @Override
    public Reminder add(Reminder reminder) {
        synchronized (rows) {
            var stored = reminder.withId(nextId());
            rows.put(stored.id(), stored);
            return stored;
        }
    }

    @Override
    public Optional<Reminder> find(long id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id));
        }
    }

    @Override
    public Page<Reminder> of(InvoiceId invoice, String cursor, int limit) {
        return InMemoryPages.ascending("reminders", of(invoice), r -> List.of(r.number(), r.id()), cursor, limit);
    }

    @Override
    public List<Reminder> of(InvoiceId invoice) {
        synchronized (rows) {
            return rows.values().stream().filter(r -> r.invoiceId().equals(invoice)).toList();
        }
    }
}
