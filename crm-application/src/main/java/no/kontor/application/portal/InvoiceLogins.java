package no.kontor.application.portal;

import java.time.Clock;
import java.util.LinkedHashMap;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.portal.port.PinLogins;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.NotFoundException;

/** A manager's hand on an invoice's My page login: unlocking it before its lock runs out (audited). */
public final class InvoiceLogins {
    private final PinLogins logins;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public InvoiceLogins(PinLogins logins, AuditTrail audit, Transactions tx, Clock clock) {
        this.logins = logins;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The state of the invoice's login: its failures in a row and when a lock ends (null: not locked). */
    public record State(long invoiceId, int failures, java.time.Instant lockedUntil) {
    }

    public State state(Actor actor, InvoiceId invoice) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> { // the login row is read as the writers read it: locked, briefly
            var l = find(invoice);
            return new State(l.invoiceId(), l.failures(), l.lockedAt(clock.instant()) ? l.lockedUntil() : null);
        });
    }

    /** The failures are forgotten and a lock lifted; audited even when there was nothing to lift, as the manager asked. */
    public State unlock(Actor actor, InvoiceId invoice) {
        actor.require(Role.MANAGER);
        return tx.inTransaction(() -> {
            var l = find(invoice);
            var now = clock.instant();
            logins.saveFailures(l.invoiceId(), 0, null, actor.auditName(), now);
            var before = new LinkedHashMap<String, Object>();
            before.put("failures", l.failures());
            before.put("lockedUntil", l.lockedAt(now) ? l.lockedUntil().toString() : null);
            var after = new LinkedHashMap<String, Object>();
            after.put("failures", 0);
            after.put("lockedUntil", null);
            audit.record(AuditEvent.of(actor, now, LogInCustomer.RECORD_TYPE, String.valueOf(l.invoiceNumber()), "unlocked", before, after,
                    null));
            return new State(l.invoiceId(), 0, null);
        });
    }

    private PinLogins.PinLogin find(InvoiceId invoice) {
        return logins.lockById(invoice.value()).orElseThrow(() -> new NotFoundException("invoice", invoice.value()));
    }
}
