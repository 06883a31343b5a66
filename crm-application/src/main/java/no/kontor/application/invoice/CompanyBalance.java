package no.kontor.application.invoice;

/** Sums in øre; {@code owedBack} is money paid or credited beyond invoices' totals: a credit balance. */
public record CompanyBalance(long due, long overdue, long owedBack) {
}
