package no.kontor.application.invoice;

public enum InvoiceJobKind { RENDER_PDF, SEND_INVOICE, SEND_REMINDER }
