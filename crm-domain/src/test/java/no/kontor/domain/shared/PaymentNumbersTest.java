package no.kontor.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The verified vectors of docs/norway.md#kid for KIDs, account numbers and the giro's amount check digit. */
class PaymentNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456782", "12344", "2345676", "602243"})
    void validMod10Kids(String kid) {
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD10)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456785", "12345678903", "310", "40-"})
    void validMod11Kids(String kid) {
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD11)).isTrue();
        assertThat(new Kid(kid).value()).isEqualTo(kid);
    }

    @Test
    void invalidKidsAreNot() {
        assertThat(Kid.isValid("123456781", Kid.Algorithm.MOD10)).isFalse();
        assertThat(Kid.isValid("123456784", Kid.Algorithm.MOD11)).isFalse();
        assertThat(Kid.isValid("0036633", Kid.Algorithm.MOD11)).as("Nets' sample KID").isTrue();
        assertThat(Kid.isValid("0036633", Kid.Algorithm.MOD10)).isFalse();
        assertThat(Kid.isValid("1", Kid.Algorithm.MOD10)).isFalse();
        assertThat(Kid.isValid("1".repeat(26), Kid.Algorithm.MOD10)).isFalse();
        assertThat(Kid.isValid("12a4", Kid.Algorithm.MOD10)).isFalse();
        assertThatThrownBy(() -> new Kid("4-0")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anInvoicesKidEncodesCustomerAndInvoiceZeroPaddedWithLeadingZerosKept() {
        var kid = Kid.of(Kid.Algorithm.MOD10, 12, 5, 42, 1234);
        assertThat(kid.value()).startsWith("00042001234").hasSize(12);
        assertThat(Kid.isValid(kid.value(), Kid.Algorithm.MOD10)).isTrue();
        var mod11 = Kid.of(Kid.Algorithm.MOD11, 9, 0, 0, 12345678);
        assertThat(mod11.value()).isEqualTo("123456785");
        assertThatThrownBy(() -> Kid.of(Kid.Algorithm.MOD10, 6, 2, 123, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kid.of(Kid.Algorithm.MOD10, 26, 2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountNumbersCarryAMod11CheckDigit() {
        assertThat(new BankAccountNumber("8601 11 17947").value()).isEqualTo("86011117947");
        assertThat(new BankAccountNumber("12345678903").formatted()).isEqualTo("1234 56 78903");
        assertThatThrownBy(() -> new BankAccountNumber("86011117949")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new BankAccountNumber("8601111794")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theGirosAmountCheckDigitIsLuhnOverKronerAndOre() {
        assertThat(CheckDigits.mod10("1234" + "50")).isEqualTo('9'); // NOK 1 234.50, docs/norway.md#kid
        assertThatThrownBy(() -> CheckDigits.mod10("12,50")).isInstanceOf(IllegalArgumentException.class);
    }
}
