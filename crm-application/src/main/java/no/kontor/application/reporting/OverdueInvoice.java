package no.kontor.application.reporting;

import java.time.LocalDate;

/** An overdue invoice as the books have it: what is still due, and its reminders. */
public record OverdueInvoice(long invoiceId, long number, long companyId, String buyerName, Long responsibleSellerId, LocalDate dueDate,
                      long due, int reminders, LocalDate lastReminderOn) {
}
