package no.kontor.application.payment;

import java.time.Clock;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.payment.port.Payments;

/** A manager assigns a payment from the unmatched list to the invoice it pays. */
public final class AssignPayment {
    private final Payments payments;
    private final Invoices invoices;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public AssignPayment(Payments payments, Invoices invoices, AuditTrail audit, Transactions tx, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public RegisterPayment.Registered execute(Actor actor, long paymentId, InvoiceId invoiceId) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            var now = clock.instant();
            var payment = payments.lock(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
            var invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
            var assigned = payments.assign(payment.assignedTo(invoiceId));
            var paid = invoices.updateMoney(invoice.paidBy(assigned.amount(), actor.auditName(), now));
            audit.record(AuditEvent.changed(actor, now, "payment", paymentId, payment.auditFields(), assigned.auditFields()));
            audit.record(AuditEvent.of(actor, now, "invoice", invoiceId, "paid", invoice.auditFields(), paid.auditFields(), null));
            return new RegisterPayment.Registered(assigned, paid);
        });
    }
}
