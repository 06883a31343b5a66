package no.kontor.application.audit;

import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.audit.port.AuditLog;

/** A manager or admin verifies the chain, or takes its head to keep outside Kontor. */
public final class VerifyAuditLog {
    private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

    private final AuditLog log;

    public VerifyAuditLog(AuditLog log) {
        this.log = log;
    }

    public AuditVerification verify(Actor actor) {
        return verify(actor, null);
    }

    /** With the head exported earlier ({@code expected}, may be null): a cut-off tail is found too. */
    public AuditVerification verify(Actor actor, AuditHead expected) {
        actor.require(Role.MANAGER);
        if (expected != null) {
            if (expected.seq() < 0) {
                throw new ValidationException("expectedHead.sequence", "audit.head-invalid", "A sequence number is 0 or more");
            }
            if (expected.hash() == null || !HASH.matcher(expected.hash()).matches()) {
                throw new ValidationException("expectedHead.hash", "audit.head-invalid", "A hash is 64 hexadecimal digits");
            }
        }
        return log.verify(expected == null ? null : new AuditHead(expected.seq(), expected.hash().toLowerCase(java.util.Locale.ROOT)));
    }

    public AuditHead head(Actor actor) {
        actor.require(Role.MANAGER);
        return log.head();
    }
}
