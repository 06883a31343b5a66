package no.kontor.application.identity;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.application.identity.port.StaffUsers;

/** A member of staff logs out: every bearer token they hold ends, on every device. */
public final class LogOut {
    private final StaffUsers users;
    private final TokenCheck tokens;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public LogOut(StaffUsers users, TokenCheck tokens, AuditTrail audit, Transactions tx, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public void execute(Actor actor) {
        actor.require(Role.SELLER);
        long id = actor.userId();
        tx.inTransaction(() -> {
            users.endSessions(id);
            audit.record(AuditEvent.of(actor, clock.instant(), "user", id, "logged-out", Map.of(), Map.of(), null));
            return null;
        });
        tokens.forget(id);
    }
}
