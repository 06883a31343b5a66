package no.kontor.application.audit;

/**
 * {@code firstBroken} and {@code reason} are null when the chain is intact; {@code truncated} says the chain is
 * shorter than, or departs from, the expected head.
 */
public record AuditVerification(boolean valid, long checked, Long firstBroken, String reason, AuditHead head, boolean truncated) {
    public AuditVerification(boolean valid, long checked, Long firstBroken, String reason, AuditHead head) {
        this(valid, checked, firstBroken, reason, head, false);
    }
}
