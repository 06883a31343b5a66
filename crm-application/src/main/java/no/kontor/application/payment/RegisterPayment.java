package no.kontor.application.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.Payment;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.payment.port.Payments;

/**
 * A manager registers a payment by hand: an amount and a date, for an invoice named
 * by its id or its KID. Part payments leave the invoice partly paid. With an
 * Idempotency-Key a retried request registers nothing twice.
 */
public final class RegisterPayment {
    static final Duration KEY_KEPT_FOR = Duration.ofHours(24);

    private final Payments payments;
    private final Invoices invoices;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public RegisterPayment(Payments payments, Invoices invoices, IdempotencyKeys keys, AuditTrail audit, Transactions tx, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.keys = keys;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Exactly one of {@code invoiceId} and {@code kid}. */
    public record Command(InvoiceId invoiceId, String kid, Long amount, LocalDate paidOn) {
    }

    public record Registered(Payment payment, Invoice invoice) {
    }

    public Registered execute(Actor actor, Command c, String idempotencyKey) {
        actor.require(Role.MANAGER);
        if ((c.invoiceId() == null) == (c.kid() == null || c.kid().isBlank())) {
            throw new ValidationException("kid", "payment.invoice-or-kid", "Name the invoice by its id or by its KID, not both");
        }
        return tx.inTransaction(() -> {
            var now = clock.instant();
            String scope = actor.auditName();
            if (idempotencyKey != null) {
                var earlier = keys.earlierOutcome(scope, idempotencyKey, "payment:" + c, KEY_KEPT_FOR, now,
                        "This Idempotency-Key was used for another payment");
                if (earlier.isPresent()) {
                    var payment = payments.find(Long.parseLong(earlier.get())).orElseThrow();
                    return new Registered(payment, invoices.find(payment.invoiceId()).orElseThrow());
                }
            }
            var invoice = c.invoiceId() != null
                    ? invoices.lock(c.invoiceId()).orElseThrow(() -> new NotFoundException("invoice", c.invoiceId()))
                    : invoices.lockByKid(c.kid().strip()).orElseThrow(() -> new ValidationException("kid", "payment.kid-unknown",
                            "No issued invoice has the KID " + c.kid().strip()));
            var payment = payments.add(Payment.manual(invoice.getId(), c.amount(), c.paidOn(), invoice.getKid() == null ? null
                    : invoice.getKid().value(), BusinessDays.dayOf(now), actor.auditName(), now));
            var paid = invoices.updateMoney(invoice.paidBy(payment.amount(), actor.auditName(), now));
            if (idempotencyKey != null) {
                keys.complete(scope, idempotencyKey, Long.toString(payment.id()));
            }
            audit.record(AuditEvent.created(actor, now, "payment", payment.id(), payment.auditFields()));
            audit.record(AuditEvent.of(actor, now, "invoice", invoice.getId(), "paid", invoice.auditFields(), paid.auditFields(), null));
            return new Registered(payment, paid);
        });
    }
}
