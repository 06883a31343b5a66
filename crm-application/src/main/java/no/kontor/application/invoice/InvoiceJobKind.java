package no.kontor.application.invoice;

/** What an outbox job does: archive an issued document's PDF (and render its customer's copy), render a customer's copy after a new PIN, or mail. */
public enum InvoiceJobKind { RENDER_PDF, RENDER_CUSTOMER_COPY, SEND_INVOICE, SEND_REMINDER }
