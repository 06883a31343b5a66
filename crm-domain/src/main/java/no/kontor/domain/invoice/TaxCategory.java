package no.kontor.domain.invoice;

/**
 * A line's VAT category as EN 16931 names it: {@code S} standard-rated (25/15/12 %),
 * {@code Z} zero-rated (newspapers), {@code E} exempt (with a reason), and {@code O}
 * outside the scope of VAT — every line of an invoice issued while the seller is not
 * VAT-registered, never mixed with the others (BR-O rules).
 */
public enum TaxCategory {
    S, Z, E, O;

    /** Whether a line in this category carries a percent (O has none at all). */
    public boolean hasPercent() {
        return this != O;
    }
}
