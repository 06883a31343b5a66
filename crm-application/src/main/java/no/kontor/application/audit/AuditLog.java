package no.kontor.application.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import no.kontor.application.shared.Page;

/** The audit log's read side: history, search, chain verification and the head. */
public interface AuditLog {

    /** Every entry of one record, oldest first. */
    List<AuditRecord> history(String recordType, String recordId);

    /** A record's history, oldest first, a page after {@code cursor} (null: the first). */
    Page<AuditRecord> history(String recordType, String recordId, String cursor, int limit);

    /** Entries by actor, time and record type, newest first, keyset-paginated by sequence number. */
    Page<AuditRecord> search(Query query);

    /** Walks the whole chain and names the first entry that does not verify. */
    default Verification verify() {
        return verify(null);
    }

    /**
     * Walks the whole chain in one consistent snapshot and names the first entry that does not verify; with an
     * {@code expected} head (exported earlier and kept outside), also finds a cut-off tail: the expected entry is
     * missing, or has another hash (the log was cut and written on from there). The chain alone cannot tell a cut
     * whose head was set back, since every remaining link is sound.
     */
    Verification verify(Head expected);

    Head head();

    /**
     * An entry as readers see it. Personal values are decrypted while the person's
     * key exists; a forgotten person's values read {@code "[forgotten]"}.
     */
    record AuditRecord(long seq, Instant at, String actor, String recordType, String recordId, String action,
                       Map<String, Object> changes) {
    }

    record Query(String actor, Instant from, Instant to, String recordType, int limit, String cursor) {
    }

    /**
     * {@code firstBroken} and {@code reason} are null when the chain is intact; {@code truncated} says the chain is
     * shorter than, or departs from, the expected head.
     */
    record Verification(boolean valid, long checked, Long firstBroken, String reason, Head head, boolean truncated) {
        public Verification(boolean valid, long checked, Long firstBroken, String reason, Head head) {
            this(valid, checked, firstBroken, reason, head, false);
        }
    }

    record Head(long seq, String hash) {
    }
}
