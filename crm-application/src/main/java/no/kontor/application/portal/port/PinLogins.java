package no.kontor.application.portal.port;

import java.time.Instant;
import java.util.Optional;

/**
 * What My page's login needs of an issued invoice: the hash of its PIN and its login's
 * failures and lock (docs/decisions/portal.md); and the failed logins per client address
 * and in all. Counted where every node sees them (the database).
 */
public interface PinLogins {

    /** The login of the issued invoice numbered {@code number}, locked for the rest of the transaction; empty if there is none. */
    Optional<PinLogin> lock(long invoiceNumber);

    /** The login of invoice {@code invoiceId} (by id), locked for the rest of the transaction. */
    Optional<PinLogin> lockById(long invoiceId);

    /** Writes the login's failure count and lock (null: not locked). */
    void saveFailures(long invoiceId, int failures, Instant lockedUntil, String actor, Instant at);

    /** Failed logins from {@code clientAddress} since {@code since}, and the oldest of them. */
    Window clientFailures(String clientAddress, Instant since);

    /** Failed logins from every address since {@code since}. */
    long allFailures(Instant since);

    void recordClientFailure(String clientAddress, Instant at);

    /** {@code pinVersion} rises with each new PIN (Invoices.replacePin). */
    record PinLogin(long invoiceId, long invoiceNumber, long companyId, byte[] pinHash, int pinVersion, int failures, Instant lockedUntil) {
        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    record Window(long count, Instant oldest) {
    }
}
