package no.kontor.domain.invoice;

import java.math.BigDecimal;
import java.util.Objects;

import no.kontor.domain.shared.Amounts;

/**
 * One line of an invoice or credit note, copied from a sale line when the draft was
 * made and frozen when the document is issued.
 *
 * @param lineNo          1, 2, 3… within the document
 * @param saleId          the sale the line bills, or null on a credit note
 * @param creditedLineNo  on a credit note, the line of the credited invoice it reverses
 * @param unitCode        the UN/ECE rec. 20 unit EHF writes: {@code C62}, {@code HUR}, {@code DAY}, {@code WEE}
 * @param percent         the VAT percent, null in category {@code O}
 */
public record InvoiceLine(int lineNo, Long saleId, Integer creditedLineNo, String description, BigDecimal quantity,
                          String unitCode, long unitPrice, BigDecimal discountPercent, TaxCategory category, BigDecimal percent,
                          String exemptionReason) {

    public InvoiceLine {
        if (lineNo < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(category, "category");
        if (category.hasPercent() != (percent != null)) {
            throw new IllegalArgumentException("category " + category + (category.hasPercent() ? " needs" : " has no") + " percent");
        }
        quantity = quantity.stripTrailingZeros(); // 1.250 and 1.25 are one quantity, as the database returns it
        discountPercent = discountPercent.stripTrailingZeros();
        percent = percent == null ? null : percent.stripTrailingZeros();
    }

    /** Quantity × unit price × (1 − discount), rounded half-up to øre (docs/norway.md#amounts-and-rounding). */
    public long net() {
        return Amounts.lineNet(quantity, unitPrice, discountPercent);
    }

    /** This line as it is billed by a seller not registered for VAT: category O, no percent, no reason. */
    public InvoiceLine outsideVat() {
        return new InvoiceLine(lineNo, saleId, creditedLineNo, description, quantity, unitCode, unitPrice, discountPercent,
                TaxCategory.O, null, null);
    }

    /** The line of a credit note that reverses this one, numbered {@code newLineNo}. */
    public InvoiceLine reversedAs(int newLineNo) {
        return new InvoiceLine(newLineNo, null, lineNo, description, quantity, unitCode, unitPrice, discountPercent, category,
                percent, exemptionReason);
    }
}
