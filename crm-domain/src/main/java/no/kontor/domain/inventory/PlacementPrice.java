package no.kontor.domain.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.kontor.domain.shared.Validator;

/**
 * A placement's price per unit (day or week) in øre, valid from one day to another
 * inclusive, or open-ended. The prices of one placement never overlap.
 */
public record PlacementPrice(Long id, PlacementId placementId, LocalDate validFrom, LocalDate validTo, long unitPrice) {
    public static final long MAX_UNIT_PRICE = 10_000_000_000L;

    public static PlacementPrice check(PlacementId placementId, LocalDate validFrom, LocalDate validTo, Long unitPrice) {
        new Validator()
                .require(validFrom != null, "validFrom", "price.valid-from-missing", "A price needs the first day it applies")
                .require(validFrom == null || validTo == null || !validTo.isBefore(validFrom), "validTo", "price.reversed",
                        "A price cannot end before it starts")
                .require(unitPrice != null && unitPrice >= 0 && unitPrice <= MAX_UNIT_PRICE, "unitPrice",
                        "price.unit-price-out-of-range", "A unit price is 0–" + MAX_UNIT_PRICE + " øre")
                .throwIfInvalid();
        return new PlacementPrice(null, placementId, validFrom, validTo, unitPrice);
    }

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean overlaps(PlacementPrice other) {
        return (validTo == null || !validTo.isBefore(other.validFrom))
                && (other.validTo == null || !other.validTo.isBefore(validFrom));
    }

    /** The price among {@code prices} that applies on {@code day}. */
    public static Optional<PlacementPrice> on(List<PlacementPrice> prices, LocalDate day) {
        return prices.stream().filter(p -> p.appliesOn(day)).findFirst();
    }
}
