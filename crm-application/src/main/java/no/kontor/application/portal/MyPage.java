package no.kontor.application.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import no.kontor.application.company.port.Companies;
import no.kontor.application.invoice.CompanyBalance;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.InvoiceFilter;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.NotFoundException;

/**
 * What a customer reads on My page: its company's issued invoices and credit notes, their
 * documents, and what it owes. Every read is bounded by the session's company: a document of
 * another company, or a draft, is not found, the same as one that does not exist.
 */
public final class MyPage {
    public static final int MAX_PAGE = 100;

    private final Companies companies;
    private final Invoices invoices;
    private final Transactions tx;
    private final Clock clock;

    public MyPage(Companies companies, Invoices invoices, Transactions tx, Clock clock) {
        this.companies = companies;
        this.invoices = invoices;
        this.tx = tx;
        this.clock = clock;
    }

    /** Today in Europe/Oslo, the day "overdue" is judged on. */
    public LocalDate today() {
        return BusinessDays.dayOf(clock.instant());
    }

    public record Overview(CompanyId companyId, String companyName, long invoiceId, CompanyBalance balance) {
    }

    public Overview overview(Customer customer) {
        return tx.readOnly(() -> {
            var company = companies.find(customer.companyId()).orElseThrow(() -> new NotFoundException("company", customer.companyId().value()));
            return new Overview(company.getId(), company.getDetails().name(), customer.invoiceId(),
                    invoices.balanceOf(customer.companyId(), today()));
        });
    }

    /** The company's issued documents, newest first. */
    public Page<Invoice> invoices(Customer customer, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return tx.readOnly(() -> invoices.list(InvoiceFilter.issuedTo(customer.companyId()), cursor, size));
    }

    public Invoice invoice(Customer customer, InvoiceId id) {
        return tx.readOnly(() -> own(customer, id));
    }

    /** The archived PDF, once rendered. */
    public Optional<byte[]> pdf(Customer customer, InvoiceId id, Giro giro) {
        return tx.readOnly(() -> {
            own(customer, id);
            return invoices.archivedPdf(id, giro);
        });
    }

    /** The frozen EHF (UBL) document. */
    public String ehf(Customer customer, InvoiceId id) {
        return tx.readOnly(() -> {
            own(customer, id);
            return invoices.document(id).orElseThrow(() -> new NotFoundException("invoice", id.value()));
        });
    }

    private Invoice own(Customer customer, InvoiceId id) {
        return invoices.find(id).filter(i -> i.getCompanyId().equals(customer.companyId()) && i.getStatus() != InvoiceStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("invoice", id.value()));
    }
}
