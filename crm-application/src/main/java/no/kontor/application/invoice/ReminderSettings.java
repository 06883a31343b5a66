package no.kontor.application.invoice;

import java.util.Objects;

import no.kontor.domain.invoice.DatedRates;

/**
 * The dated figures reminders use (docs/norway.md#reminders, configuration not code): the reminder
 * fee in kroner (1/20 of the collection rate) and the yearly late-payment interest in
 * percent, each from the day it applies.
 */
public record ReminderSettings(DatedRates feeKroner, DatedRates interestPercent) {
    public ReminderSettings {
        Objects.requireNonNull(feeKroner, "kontor.invoicing.reminders.fee");
        Objects.requireNonNull(interestPercent, "kontor.invoicing.reminders.interest");
    }
}
