package no.kontor.application.testing;

import java.util.function.Supplier;

import no.kontor.application.shared.port.Transactions;

/**
 * Transactions for in-memory ports: runs the work and, when it throws, restores
 * every registered store to what it held before, so "nothing was written" holds
 * in tests without a database too.
 */
public final class DirectTransactions implements Transactions {
    private final java.util.List<InMemoryStore<?>> stores = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int committed;

    public DirectTransactions register(InMemoryStore<?> store) {
        stores.add(store);
        return this;
    }

    /** {@code store}, registered: a factory's one-liner. */
    public <S extends InMemoryStore<?>> S registered(S store) {
        register(store);
        return store;
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        var snapshots = stores.stream().map(InMemoryStore::snapshot).toList();
        try {
            T result = work.get();
            committed++;
            return result;
        } catch (RuntimeException e) {
            for (int i = 0; i < stores.size(); i++) {
                stores.get(i).restore(snapshots.get(i));
            }
            throw e;
        }
    }

    public int committed() {
        return committed;
    }
}
