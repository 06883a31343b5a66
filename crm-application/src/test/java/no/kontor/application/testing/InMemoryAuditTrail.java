package no.kontor.application.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;

/** Keeps the events, for tests to read back. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public List<AuditEvent> of(String recordType, Object id) {
        return events.stream().filter(e -> e.recordType().equals(recordType) && e.recordId().equals(String.valueOf(id))).toList();
    }
}
