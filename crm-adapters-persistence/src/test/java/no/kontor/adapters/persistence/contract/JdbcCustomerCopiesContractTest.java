package no.kontor.adapters.persistence.contract;

import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.testing.contract.CustomerCopiesContract;

/** The contract of the port on its JDBC adapter, on PostgreSQL as the application role. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCustomerCopiesContractTest extends CustomerCopiesContract implements UsesTestDatabase {
    @Inject
    BeanContext beans;

    @Override
    protected <T> T port(Class<T> port) {
        return beans.getBean(port);
    }
}
