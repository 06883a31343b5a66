package no.kontor.application.portal;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.portal.port.CustomerSessions;
import no.kontor.application.shared.port.Transactions;

/** A customer leaves My page: the session ends on the server, so its token opens nothing any more. */
public final class LogOutCustomer {
    private final CustomerSessions sessions;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public LogOutCustomer(CustomerSessions sessions, AuditTrail audit, Transactions tx, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public void execute(Customer customer) {
        tx.inTransaction(() -> {
            var now = clock.instant();
            if (sessions.end(customer.sessionId(), CustomerSessions.EndReason.LOGGED_OUT, now)) {
                audit.record(AuditEvent.of(customer.actor(), now, LogInCustomer.RECORD_TYPE, customer.sessionId(), "logged-out", Map.of(),
                        Map.of("invoiceId", customer.invoiceId()), null));
            }
            return null;
        });
    }
}
