package no.kontor.application.invoice;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Address;
import no.kontor.domain.company.Company;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.DocumentValidator;
import no.kontor.application.invoice.port.EhfDocuments;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.company.PostalPlace;

/**
 * A manager issues a draft. In one transaction, in the lock order of docs/architecture.md#lock-order —
 * the idempotency key, the draft and its sales, the number series, the audit head —
 * it takes the next number, dates the invoice in Europe/Oslo, gives it a KID and a
 * customer PIN, freezes the EHF document with seller and buyer as they are today
 * (checked first: well-formed and valid UBL, else nothing is issued),
 * moves the sales to invoiced, and queues the PDF. The PDF is rendered after the
 * commit, so the series is never held while FOP works.
 */
public final class IssueInvoice {
    static final Duration KEY_KEPT_FOR = Duration.ofHours(24);

    private final Invoices invoices;
    private final InvoiceNumbers numbers;
    private final Sales sales;
    private final Companies companies;
    private final PostalCodeRegister postalCodes;
    private final EhfDocuments ehf;
    private final DocumentValidator documents;
    private final CustomerPins pins;
    private final InvoiceJobs jobs;
    private final InvoiceSettings settings;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public IssueInvoice(Invoices invoices, InvoiceNumbers numbers, Sales sales, Companies companies, PostalCodeRegister postalCodes,
                        EhfDocuments ehf, DocumentValidator documents, CustomerPins pins, InvoiceJobs jobs, InvoiceSettings settings,
                        IdempotencyKeys keys, AuditTrail audit, Transactions tx, Clock clock) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.sales = sales;
        this.companies = companies;
        this.postalCodes = postalCodes;
        this.ehf = ehf;
        this.documents = documents;
        this.pins = pins;
        this.jobs = jobs;
        this.settings = settings;
        this.keys = keys;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey optional: a retry with the same key gets the invoice the
     *                       first request issued, instead of a conflict
     */
    public Invoice execute(Actor actor, InvoiceId id, String idempotencyKey) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            var now = clock.instant();
            if (idempotencyKey != null) {
                if (keys.earlierOutcome(actor.auditName(), idempotencyKey, "issue:" + id.value(), KEY_KEPT_FOR, now,
                        "This Idempotency-Key was used for another request").isPresent()) {
                    return invoices.find(id).orElseThrow(() -> new NotFoundException("invoice", id));
                }
                keys.complete(actor.auditName(), idempotencyKey, Long.toString(id.value()));
            }
            var draft = invoices.lock(id).orElseThrow(() -> new NotFoundException("invoice", id));
            draft.requireDraft();
            var drafted = InvoicedSales.lock(sales, draft);
            // under the sales' locks, before a number is taken: each is still ordered and on this draft
            drafted.forEach(sale -> sale.requireBilledBy(id.value()));
            var company = companies.find(draft.getCompanyId()).orElseThrow(() -> new NotFoundException("company", draft.getCompanyId()));

            long number = numbers.next();
            var today = BusinessDays.dayOf(now);
            var issued = draft.issue(new Invoice.Issue(number, today, settings.dueDate(today),
                    settings.kid(company.getId().value(), number), settings.sellerOn(today), buyerOf(company)), actor.auditName(), now);
            String ubl = ehf.write(issued, null);
            documents.requireValid(ubl, issued.getKind(), number); // before anything is written: a refusal rolls back the number
            String pin = pins.newPin();
            var stored = invoices.issue(issued, ubl, pins.hash(number, pin));
            jobs.render(id, pin, actor.auditName());

            var events = new ArrayList<AuditEvent>();
            events.add(AuditEvent.of(actor, now, "invoice", id, "issued", draft.auditFields(), stored.auditFields(), null));
            for (var sale : drafted) {
                sales.changeStage(sale.invoiced(id.value(), actor.auditName(), now), sale.getStage(), "Faktura " + number);
                events.add(AuditEvent.of(actor, now, "sale", sale.getId(), "stage-changed", Map.of("stage", sale.getStage().name()),
                        Map.of("stage", SaleStage.INVOICED.name(), "invoiceNumber", number), null));
            }
            events.forEach(audit::record);
            return stored;
        });
    }

    private Buyer buyerOf(Company company) {
        Address address = company.getPostalAddress() != null ? company.getPostalAddress() : company.getVisitingAddress();
        String code = address == null ? null : address.postalCode().value();
        String place = address == null ? null
                : postalCodes.find(address.postalCode()).map(PostalPlace::place).orElse(null);
        return new Buyer(company.getId().value(), company.getName(), company.getOrganisationNumber(),
                address == null ? null : address.street(), code, place,
                company.getInvoiceEmail() == null ? null : company.getInvoiceEmail().value());
    }
}
