package no.kontor.application.contract;

import no.kontor.application.testing.InMemoryPorts;
import no.kontor.application.testing.contract.CustomerCopiesContract;

/** The contract of the port on its in-memory fake. */
class InMemoryCustomerCopiesContractTest extends CustomerCopiesContract {
    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected <T> T port(Class<T> port) {
        return ports.get(port);
    }
}
