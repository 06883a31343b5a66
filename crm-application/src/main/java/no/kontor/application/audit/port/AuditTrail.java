package no.kontor.application.audit.port;

import no.kontor.application.audit.AuditEvent;

/**
 * Appends to the tamper-evident audit log, inside the caller's transaction.
 * Call it last in the transaction: it takes the log's head lock, which every
 * writer needs, and holds it until commit (lock order in docs/architecture.md#lock-order).
 */
public interface AuditTrail {
    void record(AuditEvent event);
}
