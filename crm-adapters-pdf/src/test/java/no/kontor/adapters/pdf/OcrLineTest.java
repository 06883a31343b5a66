package no.kontor.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;

import org.junit.jupiter.api.Test;

/** The OCR line against the positions of docs/norway.md#giro and its worked example. */
class OcrLineTest {
    private static final BankAccountNumber ACCOUNT = new BankAccountNumber("86011117947");

    @Test
    void theWorkedExampleOfDomainNoMd() {
        assertThat(OcrLine.of(new Kid("123456782"), new BigDecimal("1234.50"), ACCOUNT))
                .isEqualTo("H                   123456782      1234  50 < 9 >  86011117947")
                .hasSize(62);
    }

    @Test
    void theKidIsRightAlignedOnPosition29AndMayFillAll25Positions() {
        String kid = "1234567890123456789012344";
        String line = OcrLine.of(new Kid(kid), new BigDecimal("1"), ACCOUNT);

        assertThat(line.substring(4, 29)).isEqualTo(kid);
        assertThat(line.substring(0, 4)).isEqualTo("H   ");
    }

    @Test
    void withoutAKidItsPositionsAreBlank() {
        assertThat(OcrLine.of(null, new BigDecimal("2750.00"), ACCOUNT))
                .isEqualTo("H" + " ".repeat(34) + "2750  00 < 8 >  86011117947");
    }

    @Test
    void withoutAnAmountKronerOreAndCheckDigitAreBlankForThePayer() {
        assertThat(OcrLine.of(new Kid("123456782"), null, ACCOUNT))
                .isEqualTo("H                   123456782" + " ".repeat(15) + "<   >  86011117947");
    }

    @Test
    void amountsBelowOneKroneHaveZeroKroner() {
        // positions 30–49; the check digit is MOD10 over "050"
        assertThat(OcrLine.of(null, new BigDecimal("0.5"), ACCOUNT).substring(29, 49)).isEqualTo("         0  50 < 5 >");
    }

    @Test
    void eightKronerDigitsFillPositions32To39() {
        assertThat(OcrLine.of(null, new BigDecimal("99999999.99"), ACCOUNT).substring(29, 49)).isEqualTo("  99999999  99 < 0 >");
    }

    @Test
    void refusesAmountsTheGiroCannotCarry() {
        assertThatThrownBy(() -> OcrLine.of(null, new BigDecimal("100000000.00"), ACCOUNT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kroner digits");
        assertThatThrownBy(() -> OcrLine.of(null, new BigDecimal("12.345"), ACCOUNT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole øre");
        assertThatThrownBy(() -> OcrLine.of(null, new BigDecimal("-1.00"), ACCOUNT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
