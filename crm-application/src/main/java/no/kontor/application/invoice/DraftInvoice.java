package no.kontor.application.invoice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Contacts;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.invoice.port.Invoices;

/**
 * A manager drafts an invoice from ordered, uninvoiced sales of one company, edits
 * its buyer reference and note, or discards it. The sales are on the draft from the
 * start (a sale is on at most one invoice), so their content cannot change under it;
 * discarding frees them again. The buyer reference defaults to the company's first
 * contact person, else its customer number (docs/norway.md#invoice-content).
 */
public final class DraftInvoice {
    public static final int MAX_SALES = 200;
    /** The default of {@code kontor.invoicing.max-lines}. */
    public static final int MAX_LINES = 500;

    private final Invoices invoices;
    private final Sales sales;
    private final SaleLines saleLines;
    private final Contacts contacts;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final int maxLines;

    public DraftInvoice(Invoices invoices, Sales sales, SaleLines saleLines, Contacts contacts, AuditTrail audit, Transactions tx,
                        Clock clock) {
        this(invoices, sales, saleLines, contacts, audit, tx, clock, MAX_LINES);
    }

    /**
     * @param maxLines the most lines one invoice may have ({@code kontor.invoicing.max-lines}): the PDF of a
     *                 document is rendered whole, so an invoice of 200 sales × 1,000 lines would hold the renderer
     */
    public DraftInvoice(Invoices invoices, Sales sales, SaleLines saleLines, Contacts contacts, AuditTrail audit, Transactions tx,
                        Clock clock, int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("kontor.invoicing.max-lines must be at least 1, not " + maxLines);
        }
        this.maxLines = maxLines;
        this.invoices = invoices;
        this.sales = sales;
        this.saleLines = saleLines;
        this.contacts = contacts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Invoice create(Actor actor, Collection<SaleId> saleIds, String buyerReference, String note) {
        actor.require(Role.MANAGER);
        if (saleIds == null || saleIds.isEmpty() || saleIds.size() > MAX_SALES) {
            throw new ValidationException("saleIds", "invoice.sales-missing", "An invoice bills 1–" + MAX_SALES + " sales");
        }
        return tx.inTransaction(() -> {
            var now = clock.instant();
            var locked = new ArrayList<Sale>();
            for (long id : new TreeSet<>(saleIds.stream().map(SaleId::value).toList())) { // one lock order for every drafter
                var sale = sales.lock(new SaleId(id)).orElseThrow(() -> new ValidationException("saleIds", "invoice.sale-unknown",
                        "There is no sale " + id));
                sale.requireInvoiceable();
                locked.add(sale);
            }
            CompanyId company = locked.get(0).getCompanyId();
            if (locked.stream().anyMatch(s -> !s.getCompanyId().equals(company))) {
                throw new ValidationException("saleIds", "invoice.sales-of-several-companies", "An invoice bills the sales of one company");
            }
            var lines = linesOf(locked);
            if (lines.size() > maxLines) {
                throw new ValidationException("saleIds", "invoice.too-many-lines", "An invoice has at most " + maxLines
                        + " lines (kontor.invoicing.max-lines); these sales have " + lines.size() + ": bill them on several invoices");
            }
            String reference = buyerReference == null || buyerReference.isBlank() ? defaultReference(company) : buyerReference;
            var draft = invoices.add(Invoice.draft(company, lines, reference, note, actor.auditName(), now));
            var events = new ArrayList<AuditEvent>();
            events.add(withReference(AuditEvent.created(actor, now, "invoice", draft.getId(), withReference(draft)), company,
                    draft.getBuyerReference()));
            for (Sale sale : locked) {
                var on = sales.update(sale.putOnInvoice(draft.getId().value(), actor.auditName(), now));
                events.add(AuditEvent.of(actor, now, "sale", on.getId(), "put-on-invoice", Map.of(),
                        Map.of("invoiceId", draft.getId().value()), null));
            }
            events.forEach(audit::record);
            return draft;
        });
    }

    public Invoice change(Actor actor, InvoiceId id, long version, String buyerReference, String note) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            var current = current(id, version);
            var changed = invoices.update(current.edit(buyerReference, note, actor.auditName(), clock.instant()));
            var event = AuditEvent.changed(actor, clock.instant(), "invoice", id, withReference(current), withReference(changed));
            audit.record(withReference(withReference(event, current.getCompanyId(), current.getBuyerReference()), current.getCompanyId(),
                    changed.getBuyerReference()));
            return changed;
        });
    }

    public void discard(Actor actor, InvoiceId id, long version) {
        actor.require(Role.MANAGER);
        tx.inTransaction(() -> {
            var now = clock.instant();
            var draft = current(id, version);
            draft.requireDraft();
            var events = new ArrayList<AuditEvent>();
            for (Sale sale : InvoicedSales.lock(sales, draft)) {
                sales.update(sale.takenOffInvoice(actor.auditName(), now));
                events.add(AuditEvent.of(actor, now, "sale", sale.getId(), "taken-off-invoice", Map.of("invoiceId", id.value()), Map.of(),
                        null));
            }
            invoices.delete(draft);
            events.add(AuditEvent.of(actor, now, "invoice", id, "discarded", draft.auditFields(), Map.of(), null));
            events.forEach(audit::record);
            return null;
        });
    }

    private static Map<String, Object> withReference(Invoice invoice) {
        var fields = new LinkedHashMap<String, Object>(invoice.auditFields());
        fields.put("buyerReference", invoice.getBuyerReference());
        return fields;
    }

    /**
     * The event with its buyer reference encrypted for the contact it names (docs/decisions/audit-chain.md:
     * personal data in the log is encrypted per person), when it names one of the company's
     * contacts and the event is not already someone's.
     */
    private AuditEvent withReference(AuditEvent event, CompanyId company, String reference) {
        if (event.personal() != null || !event.changes().containsKey("buyerReference")) {
            return event;
        }
        return contacts.ofCompany(company).stream().filter(c -> reference.equals(c.getDetails().name())).findFirst()
                .map(c -> event.withPersonal(new AuditEvent.PersonalData(c.getId().dataSubject(), Set.of("buyerReference"))))
                .orElse(event);
    }

    private Invoice current(InvoiceId id, long version) {
        var current = invoices.lock(id).orElseThrow(() -> new NotFoundException("invoice", id));
        if (current.getVersion() != version) {
            throw new StaleVersionException("invoice", id, version);
        }
        return current;
    }

    private List<InvoiceLine> linesOf(List<Sale> locked) {
        var bySale = saleLines.ofSales(locked.stream().map(Sale::getId).toList());
        var lines = new ArrayList<InvoiceLine>();
        for (Sale sale : locked) {
            var ofSale = bySale.getOrDefault(sale.getId(), List.of());
            if (ofSale.isEmpty()) {
                throw new ValidationException("saleIds", "invoice.sale-without-lines", "The sale " + sale.getId() + " has no lines to bill");
            }
            for (SaleLine l : ofSale) {
                lines.add(new InvoiceLine(lines.size() + 1, sale.getId().value(), null, l.description(), l.quantity(), l.unit().ehfCode(),
                        l.unitPrice(), l.discountPercent(), TaxCategory.valueOf(l.vatCategory().name()), l.vatPercent(),
                        l.exemptionReason()));
            }
        }
        return lines;
    }

    private String defaultReference(CompanyId company) {
        return contacts.ofCompany(company).stream().map(c -> c.getDetails().name()).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElse("Kundenr. " + company.value());
    }
}
