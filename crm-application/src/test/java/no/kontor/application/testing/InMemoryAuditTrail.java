package no.kontor.application.testing;

import java.util.List;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;

/**
 * Keeps the events in order, for tests to read back. Registered with
 * {@link DirectTransactions}, an event recorded in a transaction that fails is gone,
 * as it is from the database's audit log.
 */
public final class InMemoryAuditTrail extends InMemoryStore<AuditEvent> implements AuditTrail {

    @Override
    public void record(AuditEvent event) {
        synchronized (rows) {
            rows.put(nextId(), event);
        }
    }

    public List<AuditEvent> events() {
        synchronized (rows) {
            return List.copyOf(rows.values());
        }
    }

    public List<AuditEvent> of(String recordType, Object id) {
        return events().stream().filter(e -> e.recordType().equals(recordType) && e.recordId().equals(String.valueOf(id))).toList();
    }
}
