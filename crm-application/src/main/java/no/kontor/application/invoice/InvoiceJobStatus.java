package no.kontor.application.invoice;

import java.time.Instant;

public record InvoiceJobStatus(long id, InvoiceJobKind kind, String recipient, boolean withEhf, int attempts, Instant createdAt, Instant doneAt,
                 boolean failed, String lastError) {
}
