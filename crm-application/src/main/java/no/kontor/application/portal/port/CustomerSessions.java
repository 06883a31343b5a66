package no.kontor.application.portal.port;

import java.time.Instant;
import java.util.Optional;

/** My page sessions, kept where every node sees them; a token is kept only as its SHA-256. */
public interface CustomerSessions {

    /** A new session, opened with version {@code pinVersion} of the invoice's PIN; returns its id. */
    long open(byte[] tokenHash, long invoiceId, long companyId, int pinVersion, String clientAddress, Instant at);

    /**
     * The session whose token hashes to {@code tokenHash}, open or ended, and whether the
     * invoice has had a new PIN since it was opened.
     */
    Optional<Session> find(byte[] tokenHash);

    /** The session was used at {@code at}. */
    void touch(long sessionId, Instant at);

    /** Ends the session if it is still open; true if this call ended it. */
    boolean end(long sessionId, EndReason reason, Instant at);

    enum EndReason { LOGGED_OUT, IDLE, PIN_RESET }

    record Session(long id, long invoiceId, long companyId, Instant lastUsedAt, Instant endedAt, boolean pinReplaced) {
    }
}
