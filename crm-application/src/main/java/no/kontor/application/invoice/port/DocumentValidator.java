package no.kontor.application.invoice.port;

import java.util.Optional;

import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.shared.UnprocessableException;

/**
 * Checks a document before it is frozen: well-formed XML, and valid against the UBL 2.1
 * schema of its kind (Invoice or CreditNote). An issued document never changes, so one
 * that cannot be read must never be issued: issuing and crediting check it inside their
 * transaction, before the commit.
 */
public interface DocumentValidator {

    /** Empty when the document is well-formed and valid; else what is wrong, with its line and column. */
    Optional<String> problemWith(String ubl, InvoiceKind kind);

    /** Refuses an invalid document ({@code invoice.document-invalid}); the caller's transaction rolls back. */
    default void requireValid(String ubl, InvoiceKind kind, long number) {
        problemWith(ubl, kind).ifPresent(problem -> {
            throw new UnprocessableException("invoice.document-invalid", "The " + (kind == InvoiceKind.CREDIT_NOTE ? "credit note" : "invoice")
                    + " document would not be readable (" + problem + "), so nothing was issued and number " + number
                    + " stays unused. Mend the data it is written from (a name, an address, a text) and issue again");
        });
    }
}
