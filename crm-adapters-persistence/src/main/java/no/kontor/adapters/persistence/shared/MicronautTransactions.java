package no.kontor.adapters.persistence.shared;

import java.sql.Connection;
import java.util.function.Supplier;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import no.kontor.application.shared.port.Transactions;

/** The application's transactions, on Micronaut's JDBC transaction manager. */
@Singleton
public class MicronautTransactions implements Transactions {
    private final TransactionOperations<Connection> operations;

    public MicronautTransactions(TransactionOperations<Connection> operations) {
        this.operations = operations;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return operations.executeWrite(status -> work.get());
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return operations.executeRead(status -> work.get());
    }
}
