package no.kontor.domain.sale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One VAT rate of category {@code S} and the days it applies: inclusive from,
 * inclusive to, or open-ended. Rates are data; a change is a new row, so nothing
 * already sold or issued changes with it.
 */
public record VatRate(BigDecimal percent, LocalDate validFrom, LocalDate validTo, String description) {

    public VatRate {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("a VAT rate cannot end before it starts");
        }
    }

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
