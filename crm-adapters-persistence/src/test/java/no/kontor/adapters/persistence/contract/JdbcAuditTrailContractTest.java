package no.kontor.adapters.persistence.contract;

import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.testing.contract.AuditTrailContract;

/** The contract of the port on its JDBC adapter, on PostgreSQL as the application role. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAuditTrailContractTest extends AuditTrailContract implements UsesTestDatabase {
    @Inject
    BeanContext beans;

    @Override
    protected <T> T port(Class<T> port) {
        return beans.getBean(port);
    }

    @Override
    protected java.util.List<String> recordedActions(String recordType, String recordId) {
        return beans.getBean(no.kontor.application.audit.port.AuditLog.class).history(recordType, recordId).stream()
                .map(r -> r.action()).toList();
    }
}
