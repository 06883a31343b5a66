package no.kontor.domain.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.domain.shared.ValidationException;

class TimeEntryTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void hoursBecomeAnHourLineDatedInItsDescription() {
        var entry = TimeEntry.check(new SaleId(3), 7, LocalDate.of(2026, 11, 20), new BigDecimal("7.50"), " Workshop ", TODAY,
                Instant.EPOCH);
        var line = SaleLine.check(null, new SaleId(3), entry.toLine(120000L, new BigDecimal("25")), SaleLineTest.RATES, TODAY);
        assertThat(line.description()).isEqualTo("20.11.2026: Workshop");
        assertThat(line.unit()).isEqualTo(SaleUnit.HOUR);
        assertThat(line.quantity()).isEqualByComparingTo("7.5");
        assertThat(line.net()).isEqualTo(900000);
    }

    @Test
    void futureDaysTooManyHoursAndMissingTextAreRefusedTogether() {
        assertThatThrownBy(() -> TimeEntry.check(new SaleId(3), 7, TODAY.plusDays(1), new BigDecimal("24.5"), "", TODAY, Instant.EPOCH))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactly("workDate", "hours", "description"));
        assertThatThrownBy(() -> TimeEntry.check(new SaleId(3), 7, TODAY, new BigDecimal("1.0005"), "x", TODAY, Instant.EPOCH))
                .isInstanceOf(ValidationException.class);
        assertThat(TimeEntry.check(new SaleId(3), 7, TODAY, new BigDecimal("24"), "x", TODAY, Instant.EPOCH).hours())
                .isEqualByComparingTo("24");
    }
}
