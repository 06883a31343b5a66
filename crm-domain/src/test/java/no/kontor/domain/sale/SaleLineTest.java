package no.kontor.domain.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.domain.shared.ValidationException;

class SaleLineTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final VatRates RATES = new VatRates(List.of(
            new VatRate(new BigDecimal("25"), LocalDate.of(2005, 1, 1), null, "general"),
            new VatRate(new BigDecimal("15"), LocalDate.of(2012, 1, 1), null, "food"),
            new VatRate(new BigDecimal("12"), LocalDate.of(2021, 10, 1), null, "transport"),
            new VatRate(new BigDecimal("6"), LocalDate.of(2020, 4, 1), LocalDate.of(2021, 9, 30), "temporary")));
    static final SaleId SALE = new SaleId(1);

    static SaleLine line(String quantity, long unitPrice, String discount, VatCategory category, String percent, String reason) {
        return SaleLine.check(null, SALE, new SaleLine.Input(null, "Banner", quantity == null ? null : new BigDecimal(quantity),
                SaleUnit.PIECE, unitPrice, discount == null ? null : new BigDecimal(discount), category,
                percent == null ? null : new BigDecimal(percent), reason), RATES, TODAY);
    }

    @Test
    void netIsQuantityTimesPriceLessDiscountRoundedHalfUpToOre() {
        assertThat(line("1.5", 12345, null, null, null, null).net()).isEqualTo(18518); // 18517.5
        assertThat(line("3", 999, "10", null, null, null).net()).isEqualTo(2697); // 2697.3
        assertThat(line("0.333", 100, null, null, null, null).net()).isEqualTo(33); // 33.3
        assertThat(line("1", 5, "50", null, null, null).net()).isEqualTo(3); // 2.5 rounds up
        assertThat(line("2", 100_00, "100", null, null, null).net()).isZero();
    }

    @Test
    void defaultsAreNoDiscountStandardCategoryAndTheHighestRateOfTheDay() {
        var l = line("1", 100, null, null, null, null);
        assertThat(l.vatCategory()).isEqualTo(VatCategory.S);
        assertThat(l.vatPercent()).isEqualByComparingTo("25");
        assertThat(l.discountPercent()).isEqualByComparingTo("0");
    }

    @Test
    void aStandardRateMustApplyOnTheDay() {
        assertThat(line("1", 100, null, VatCategory.S, "12", null).vatPercent()).isEqualByComparingTo("12");
        assertThatThrownBy(() -> line("1", 100, null, VatCategory.S, "6", null)) // ended 2021
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(err -> assertThat(err.code()).isEqualTo("line.vat-rate-unknown")));
        assertThatThrownBy(() -> line("1", 100, null, VatCategory.S, "24", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void zeroRatedAndExemptLinesHaveNoPercentAndOnlyExemptOnesAReason() {
        assertThat(line("1", 100, null, VatCategory.Z, null, null).vatPercent()).isEqualByComparingTo("0");
        assertThat(line("1", 100, null, VatCategory.E, "0", "Kunst").exemptionReason()).isEqualTo("Kunst");
        assertThatThrownBy(() -> line("1", 100, null, VatCategory.Z, "25", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> line("1", 100, null, VatCategory.E, null, " ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("exemptionReason"));
        assertThatThrownBy(() -> line("1", 100, null, VatCategory.S, null, "why")).isInstanceOf(ValidationException.class);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> SaleLine.check(null, SALE, new SaleLine.Input(null, " ", new BigDecimal("1.0001"), null, -1L,
                new BigDecimal("100.5"), VatCategory.S, new BigDecimal("7"), null), RATES, TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("description", "quantity", "unit", "unitPrice", "discountPercent", "vatPercent"));
    }

    @Test
    void boundsKeepSumsInsideALong() {
        assertThatThrownBy(() -> line("100000.001", 1, null, null, null, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> line("0", 1, null, null, null, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> line("1", SaleLine.MAX_UNIT_PRICE + 1, null, null, null, null)).isInstanceOf(ValidationException.class);
        assertThat(line("100000", SaleLine.MAX_UNIT_PRICE, null, null, null, null).net()).isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void vatIsComputedOnTheSumOfEachRatesNetsNotPerLine() {
        // three lines of 10 øre at 25 %: per line 2.5 → 3 each (9), on the sum 30 × 25 % = 7.5 → 8
        var ten = line("1", 10, null, null, null, null);
        var totals = SaleTotals.of(List.of(ten, ten, ten));
        assertThat(totals.vat()).isEqualTo(8);
        assertThat(totals.net()).isEqualTo(30);
        assertThat(totals.gross()).isEqualTo(38);
    }

    @Test
    void totalsArePerCategoryAndRate() {
        var totals = SaleTotals.of(List.of(
                line("1", 333, null, VatCategory.S, "15", null),
                line("2", 5000, null, VatCategory.S, "25", null),
                line("1", 5000, null, VatCategory.Z, null, null),
                line("1", 1000, null, VatCategory.S, "25", null)));
        assertThat(totals.breakdown()).containsExactly(
                new SaleTotals.VatBreakdown(VatCategory.S, new BigDecimal("25"), 11000, 2750),
                new SaleTotals.VatBreakdown(VatCategory.S, new BigDecimal("15"), 333, 50), // 49.95
                new SaleTotals.VatBreakdown(VatCategory.Z, BigDecimal.ZERO, 5000, 0));
        assertThat(totals.net()).isEqualTo(16333);
        assertThat(totals.vat()).isEqualTo(2800);
        assertThat(totals.gross()).isEqualTo(19133);
    }

    @Test
    void anEmptySaleSumsToZero() {
        assertThat(SaleTotals.of(List.of())).isEqualTo(new SaleTotals(List.of(), 0, 0, 0));
    }
}
