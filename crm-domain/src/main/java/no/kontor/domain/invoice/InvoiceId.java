package no.kontor.domain.invoice;

/** An invoice's or credit note's identity (not its number: a draft has none). */
public record InvoiceId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
