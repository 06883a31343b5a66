package no.kontor.application.invoice;

import java.time.LocalDate;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.InvoiceStatus;

/**
 * Which documents a list shows; null fields do not filter. {@code from} and
 * {@code to} bound the issue date (inclusive); {@code overdueOn} keeps invoices
 * unpaid after their due date as of that day.
 */
public record InvoiceFilter(InvoiceStatus status, CompanyId companyId, LocalDate from, LocalDate to, LocalDate overdueOn) {
}
