package no.kontor.application.invoice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.invoice.port.DocumentValidator;
import no.kontor.application.invoice.port.EhfDocuments;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.port.Invoices;

/**
 * A manager corrects an issued invoice with a credit note: the whole invoice or
 * chosen lines. The credit note takes the next number of the one series, references
 * the invoice, and carries its lines with the VAT they were invoiced with (seller and
 * buyer as on the invoice it corrects). A whole credit sets the invoice to credited
 * and returns its sales to ordered and uninvoiced; a partial one lowers what is due
 * (docs/decisions/frozen-documents.md). Crediting what was already paid leaves money owed back to the company.
 */
public final class CreditInvoice {
    private final Invoices invoices;
    private final InvoiceNumbers numbers;
    private final Sales sales;
    private final EhfDocuments ehf;
    private final DocumentValidator documents;
    private final InvoiceJobs jobs;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public CreditInvoice(Invoices invoices, InvoiceNumbers numbers, Sales sales, EhfDocuments ehf, DocumentValidator documents,
                         InvoiceJobs jobs, AuditTrail audit, Transactions tx, Clock clock) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.sales = sales;
        this.ehf = ehf;
        this.documents = documents;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param lineNos the invoice's lines to credit; empty credits every line not credited yet */
    public Invoice execute(Actor actor, InvoiceId invoiceId, Set<Integer> lineNos, String reason) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            var now = clock.instant();
            var invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
            var alreadyCredited = invoices.creditedLines(invoiceId);
            var draft = invoice.creditNote(lineNos, alreadyCredited, reason, actor.auditName(), now);
            boolean whole = alreadyCredited.size() + draft.getLines().size() == invoice.getLines().size();
            var billed = whole ? InvoicedSales.lock(sales, invoice) : List.<Sale>of();

            var stored = invoices.add(draft);
            long number = numbers.next();
            var issued = stored.issue(new Invoice.Issue(number, BusinessDays.dayOf(now), null, null, invoice.getSeller(),
                    invoice.getBuyer()), actor.auditName(), now);
            String ubl = ehf.write(issued, invoice);
            documents.requireValid(ubl, issued.getKind(), number); // a refusal rolls back the draft and the number
            var note = invoices.issue(issued, ubl, null);
            jobs.render(note.getId(), null, actor.auditName());
            var after = invoices.updateMoney(invoice.creditedBy(note.totals().gross(), whole, actor.auditName(), now));

            var events = new ArrayList<AuditEvent>();
            events.add(AuditEvent.created(actor, now, "invoice", note.getId(), note.auditFields()));
            events.add(AuditEvent.of(actor, now, "invoice", invoiceId, "credited", invoice.auditFields(), after.auditFields(), null));
            for (var sale : billed) {
                sales.changeStage(sale.takenOffInvoice(actor.auditName(), now), sale.getStage(), "Kreditnota " + number);
                events.add(AuditEvent.of(actor, now, "sale", sale.getId(), "stage-changed",
                        Map.of("stage", sale.getStage().name(), "invoiceId", invoiceId.value()), Map.of("stage", SaleStage.ORDERED.name()), null));
            }
            events.forEach(audit::record);
            return note;
        });
    }
}
