package no.kontor.application.audit;

import java.time.Instant;

public record AuditQuery(String actor, Instant from, Instant to, String recordType, int limit, String cursor) {
}
