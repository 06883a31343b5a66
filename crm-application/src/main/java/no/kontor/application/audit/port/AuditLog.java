package no.kontor.application.audit.port;

import java.util.List;

import no.kontor.application.shared.Page;
import no.kontor.application.audit.AuditRecord;
import no.kontor.application.audit.AuditQuery;
import no.kontor.application.audit.AuditHead;
import no.kontor.application.audit.AuditVerification;

/** The audit log's read side: history, search, chain verification and the head. */
public interface AuditLog {

    /** Every entry of one record, oldest first. */
    List<AuditRecord> history(String recordType, String recordId);

    /** A record's history, oldest first, a page after {@code cursor} (null: the first). */
    Page<AuditRecord> history(String recordType, String recordId, String cursor, int limit);

    /** Entries by actor, time and record type, newest first, keyset-paginated by sequence number. */
    Page<AuditRecord> search(AuditQuery query);

    /** Walks the whole chain and names the first entry that does not verify. */
    default AuditVerification verify() {
        return verify(null);
    }

    /**
     * Walks the whole chain in one consistent snapshot and names the first entry that does not verify; with an
     * {@code expected} head (exported earlier and kept outside), also finds a cut-off tail: the expected entry is
     * missing, or has another hash (the log was cut and written on from there). The chain alone cannot tell a cut
     * whose head was set back, since every remaining link is sound.
     */
    AuditVerification verify(AuditHead expected);

    AuditHead head();

}
