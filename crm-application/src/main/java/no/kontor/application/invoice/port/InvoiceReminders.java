package no.kontor.application.invoice.port;

import java.util.List;
import java.util.Optional;

import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.Reminder;
import no.kontor.application.shared.Page;

/** The reminders sent of each invoice. */
public interface InvoiceReminders {

    Reminder add(Reminder reminder);

    Optional<Reminder> find(long id);

    /** An invoice's reminders, oldest first. */
    List<Reminder> of(InvoiceId invoice);

    /** An invoice's reminders by number, a page after {@code cursor} (null: the first). */
    Page<Reminder> of(InvoiceId invoice, String cursor, int limit);
}
