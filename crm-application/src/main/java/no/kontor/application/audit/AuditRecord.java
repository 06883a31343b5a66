package no.kontor.application.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An entry as readers see it. Personal values are decrypted while the person's
 * key exists; a forgotten person's values read {@code "[forgotten]"}.
 */
public record AuditRecord(long seq, Instant at, String actor, String recordType, String recordId, String action,
                   Map<String, Object> changes) {
}
