package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.domain.invoice.Reminder;

/** What every {@link InvoiceReminders} does. */
public abstract class InvoiceRemindersContract extends PortContract {

    @Test
    void remindersAreKeptWithTheirInvoiceByNumber() {
        var invoice = issuedInvoice();
        var reminders = port(InvoiceReminders.class);
        var day = LocalDate.of(2026, 12, 9);
        var first = tx(() -> reminders.add(new Reminder(null, invoice.getId(), 1, day, day.plusDays(14), 125000, 0, 41, "user:1", now())));
        var second = tx(() -> reminders.add(new Reminder(null, invoice.getId(), 2, day.plusDays(15), day.plusDays(29), 125000, 3750, 700,
                "user:1", now())));
        assertThat(first.id()).isNotNull();
        assertThat(reminders.find(second.id())).contains(second);
        assertThat(reminders.of(invoice.getId())).containsExactly(first, second);
        var page = reminders.of(invoice.getId(), null, 1);
        assertThat(page.items()).containsExactly(first);
        assertThat(reminders.of(invoice.getId(), page.nextCursor(), 1).items()).containsExactly(second);
        assertThat(reminders.find(987_654_321L)).isEmpty();
    }
}
