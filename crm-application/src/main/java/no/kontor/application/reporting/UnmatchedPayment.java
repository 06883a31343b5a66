package no.kontor.application.reporting;

import java.time.LocalDate;

/** A payment received that no invoice claims (a KID that matched nothing, or one registered by hand without an invoice). */
public record UnmatchedPayment(long paymentId, LocalDate paidOn, long amount, String kid, String source, String registeredBy) {
}
