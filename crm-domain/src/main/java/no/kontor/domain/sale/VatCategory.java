package no.kontor.domain.sale;

/**
 * The VAT category of a sale line (EN 16931 codes). {@code S}: standard rated at one
 * of the dated rates (25, 15, 12 %); {@code Z}: zero-rated, such as newspapers;
 * {@code E}: exempt, with a reason. Category {@code O} (not subject to VAT) belongs to
 * whole invoices of an organisation not registered for VAT, never to a sale line.
 */
public enum VatCategory {
    S, Z, E;

    /** Whether a line in this category carries a percent above zero. */
    public boolean isRated() {
        return this == S;
    }
}
