package no.kontor.application.audit;

public record AuditHead(long seq, String hash) {
}
