package no.kontor.application.invoice;

import no.kontor.application.company.port.Companies;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;

/** Where an invoice's e-mails go: the company's invoice address today, else the buyer's as issued. */
final class InvoiceAddress {
    private InvoiceAddress() {
    }

    static String of(Companies companies, Invoice invoice) {
        var company = companies.find(invoice.getCompanyId()).orElseThrow(() -> new NotFoundException("company", invoice.getCompanyId()));
        String to = company.getInvoiceEmail() != null ? company.getInvoiceEmail().value() : invoice.getBuyer().email();
        if (to == null) {
            throw new ConflictException("invoice.no-email", "The company has no invoice e-mail address: add one to its card");
        }
        return to;
    }
}
