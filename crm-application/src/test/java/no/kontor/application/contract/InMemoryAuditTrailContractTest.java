package no.kontor.application.contract;

import no.kontor.application.testing.InMemoryPorts;
import no.kontor.application.testing.contract.AuditTrailContract;

/** The contract of the port on its in-memory fake. */
class InMemoryAuditTrailContractTest extends AuditTrailContract {
    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected <T> T port(Class<T> port) {
        return ports.get(port);
    }

    @Override
    protected java.util.List<String> recordedActions(String recordType, String recordId) {
        return ((no.kontor.application.testing.InMemoryAuditTrail) port(no.kontor.application.audit.port.AuditTrail.class))
                .of(recordType, recordId).stream().map(e -> e.action()).toList();
    }
}
