package no.kontor.application.audit;

import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/** A manager or admin verifies the chain, or takes its head to keep outside Kontor. */
public final class VerifyAuditLog {
    private final AuditLog log;

    public VerifyAuditLog(AuditLog log) {
        this.log = log;
    }

    public AuditLog.Verification verify(Actor actor) {
        actor.require(Role.MANAGER);
        return log.verify();
    }

    public AuditLog.Head head(Actor actor) {
        actor.require(Role.MANAGER);
        return log.head();
    }
}
