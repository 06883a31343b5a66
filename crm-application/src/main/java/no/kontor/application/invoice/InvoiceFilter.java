package no.kontor.application.invoice;

import java.time.LocalDate;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.InvoiceStatus;

/**
 * Which documents a list shows; null fields do not filter. {@code from} and
 * {@code to} bound the issue date (inclusive); {@code overdueOn} keeps invoices
 * unpaid after their due date as of that day; {@code issuedOnly} leaves drafts out.
 */
public record InvoiceFilter(InvoiceStatus status, CompanyId companyId, LocalDate from, LocalDate to, LocalDate overdueOn,
                            boolean issuedOnly) {

    public InvoiceFilter(InvoiceStatus status, CompanyId companyId, LocalDate from, LocalDate to, LocalDate overdueOn) {
        this(status, companyId, from, to, overdueOn, false);
    }

    /** A company's issued invoices and credit notes: what its customer sees on My page. */
    public static InvoiceFilter issuedTo(CompanyId company) {
        return new InvoiceFilter(null, company, null, null, null, true);
    }
}
