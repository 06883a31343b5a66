package no.kontor.application.shared.port;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: all of it is committed, or none of it.
 * A use case wraps its whole act (checks, writes, the audit entry) in one call.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /** Read-only work that wants one consistent snapshot. */
    default <T> T readOnly(Supplier<T> work) {
        return inTransaction(work);
    }
}
