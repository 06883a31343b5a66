package no.kontor.domain.sale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import no.kontor.domain.shared.Amounts;
import no.kontor.domain.shared.Validator;

/**
 * One line of a sale: what is sold (a product described in words, or a placement),
 * how much, at what unit price in øre, with what discount and VAT. No floating
 * point: quantities are decimals with three places, discounts a percentage with
 * two, money whole øre.
 *
 * @param placementId the placement sold, or null for a product or hours
 */
public record SaleLine(Long id, SaleId saleId, Long placementId, String description, BigDecimal quantity, SaleUnit unit,
                       long unitPrice, BigDecimal discountPercent, VatCategory vatCategory, BigDecimal vatPercent,
                       String exemptionReason) {

    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_REASON = 200;
    /** Bounds that keep every sum of a sale well inside a {@code long} of øre. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("100000");
    public static final long MAX_UNIT_PRICE = 10_000_000_000L;
    public static final int MAX_LINES = 1000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public SaleLine {
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(vatCategory, "vatCategory");
        Objects.requireNonNull(vatPercent, "vatPercent");
    }

    /** A line as a caller gave it: every field may be missing or wrong until {@link #check} says otherwise. */
    public record Input(Long placementId, String description, BigDecimal quantity, SaleUnit unit, Long unitPrice,
                        BigDecimal discountPercent, VatCategory vatCategory, BigDecimal vatPercent, String exemptionReason) {
    }

    /**
     * Checks a line against every rule at once, with the VAT rates that apply on
     * {@code day}. Defaults: no discount, category {@code S}, the highest standard
     * rate (25 %, advertising).
     */
    public static SaleLine check(Long id, SaleId saleId, Input in, VatRates rates, LocalDate day) {
        var v = new Validator();
        String description = in.description() == null ? null : in.description().strip();
        v.require(description != null && !description.isEmpty() && description.length() <= MAX_DESCRIPTION,
                "description", "line.description-invalid", "A line's description is 1–" + MAX_DESCRIPTION + " characters");
        BigDecimal quantity = in.quantity();
        v.require(quantity != null, "quantity", "line.quantity-missing", "A line needs a quantity");
        if (quantity != null) {
            v.require(quantity.signum() > 0 && quantity.compareTo(MAX_QUANTITY) <= 0, "quantity", "line.quantity-out-of-range",
                    "A quantity is above 0 and at most " + MAX_QUANTITY.toPlainString());
            v.require(places(quantity) <= 3, "quantity", "line.quantity-too-precise", "A quantity has at most 3 decimals");
        }
        v.require(in.unit() != null, "unit", "line.unit-missing", "A line's unit is PIECE, HOUR, DAY or WEEK");
        v.require(in.unitPrice() != null, "unitPrice", "line.unit-price-missing", "A line needs a unit price in øre");
        if (in.unitPrice() != null) {
            v.require(in.unitPrice() >= 0 && in.unitPrice() <= MAX_UNIT_PRICE, "unitPrice", "line.unit-price-out-of-range",
                    "A unit price is 0–" + MAX_UNIT_PRICE + " øre");
        }
        BigDecimal discount = in.discountPercent() == null ? BigDecimal.ZERO : in.discountPercent();
        v.require(discount.signum() >= 0 && discount.compareTo(HUNDRED) <= 0, "discountPercent", "line.discount-out-of-range",
                "A discount is 0–100 percent");
        v.require(places(discount) <= 2, "discountPercent", "line.discount-too-precise", "A discount has at most 2 decimals");

        VatCategory category = in.vatCategory() == null ? VatCategory.S : in.vatCategory();
        BigDecimal percent = in.vatPercent();
        String reason = in.exemptionReason() == null || in.exemptionReason().isBlank() ? null : in.exemptionReason().strip();
        if (category.isRated()) {
            if (percent == null && !rates.on(day).isEmpty()) {
                percent = rates.on(day).get(0);
            }
            v.require(percent != null && rates.applies(percent, day), "vatPercent", "line.vat-rate-unknown",
                    "Standard-rated VAT on " + day + " is one of " + rates.describe(day) + " percent");
        } else {
            v.require(percent == null || percent.signum() == 0, "vatPercent", "line.vat-rate-not-zero",
                    "A line in category " + category + " has 0 percent VAT");
            percent = BigDecimal.ZERO;
        }
        if (category == VatCategory.E) {
            v.require(reason != null && reason.length() <= MAX_REASON, "exemptionReason", "line.exemption-reason-missing",
                    "An exempt line states why, in 1–" + MAX_REASON + " characters");
        } else {
            v.require(reason == null, "exemptionReason", "line.exemption-reason-not-allowed",
                    "Only an exempt (E) line has an exemption reason");
        }
        v.throwIfInvalid();
        return new SaleLine(id, saleId, in.placementId(), description, quantity.stripTrailingZeros(), in.unit(), in.unitPrice(),
                discount.stripTrailingZeros(), category, percent.stripTrailingZeros(), reason);
    }

    private static int places(BigDecimal d) {
        return Math.max(0, d.stripTrailingZeros().scale());
    }

    /** Quantity × unit price × (1 − discount), rounded half-up to whole øre (docs/norway.md#amounts-and-rounding). */
    public long net() {
        return Amounts.lineNet(quantity, unitPrice, discountPercent);
    }

    public SaleLine withId(Long newId) {
        return new SaleLine(newId, saleId, placementId, description, quantity, unit, unitPrice, discountPercent, vatCategory,
                vatPercent, exemptionReason);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("placementId", placementId);
        m.put("description", description);
        m.put("quantity", quantity.toPlainString());
        m.put("unit", unit.name());
        m.put("unitPrice", unitPrice);
        m.put("discountPercent", discountPercent.toPlainString());
        m.put("vatCategory", vatCategory.name());
        m.put("vatPercent", vatPercent.toPlainString());
        m.put("exemptionReason", exemptionReason);
        return m;
    }
}
