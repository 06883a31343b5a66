package no.kontor.application.audit;

import no.kontor.application.shared.Page;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.shared.Paging;
import no.kontor.application.audit.port.AuditLog;

/**
 * Staff read the log: any record's history and the log by user and time (sellers
 * and managers see each other's work).
 */
public final class ReadAuditLog {
    public static final int MAX_LIMIT = 200;

    private final AuditLog log;

    public ReadAuditLog(AuditLog log) {
        this.log = log;
    }

    /** A record's history, oldest first, a page of at most {@link Paging#MAX_LIMIT}. */
    public Page<AuditRecord> history(Actor actor, String recordType, String recordId, String cursor, int limit) {
        actor.require(Role.SELLER);
        return log.history(recordType, recordId, cursor, Paging.limit(limit));
    }

    public Page<AuditRecord> search(Actor actor, AuditQuery query) {
        actor.require(Role.SELLER);
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw new ValidationException("limit", "search.limit-out-of-range", "limit is 1–" + MAX_LIMIT);
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new ValidationException("from", "audit.period-reversed", "from is after to");
        }
        return log.search(query);
    }
}
