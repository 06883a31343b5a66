package no.kontor.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.NumericChars;

/** The value objects of a customer card, with the verified vectors of docs/norway.md. */
class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"974760673", "974761076", "991825827", "889640782"})
    void validOrganisationNumbers(String number) {
        assertThat(new OrganisationNumber(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"988077918", "923609017", "000000000", "97476067", "9747606730", "97476067a", " 974760673"})
    void invalidOrganisationNumbers(String number) {
        assertThatThrownBy(() -> new OrganisationNumber(number)).isInstanceOf(InvalidValueException.class).hasMessageContaining(number.strip());
    }

    @Test
    void anOrganisationNumberMayBeTypedWithSpaces() {
        assertThat(OrganisationNumber.parse("974 760 673").value()).isEqualTo("974760673");
        assertThat(OrganisationNumber.parseOrNull("  ")).isNull();
        assertThat(OrganisationNumber.parseOrNull(null)).isNull();
    }

    /** Every eight-digit payload has exactly one check digit, unless MOD11 leaves remainder 1. */
    @Property(tries = 500)
    void mod11GivesEachPayloadOneCheckDigitOrNone(@ForAll @NumericChars @StringLength(8) String payload) {
        int valid = 0;
        for (char c = '0'; c <= '9'; c++) {
            try {
                new OrganisationNumber(payload + c);
                valid++;
            } catch (InvalidValueException e) {
                // not this digit
            }
        }
        assertThat(valid).isLessThanOrEqualTo(1);
    }

    /** Changing any one digit of a valid number makes it invalid: MOD11 with these weights catches every single-digit error. */
    @Property(tries = 200)
    void aSingleDigitChangeIsCaught(@ForAll @IntRange(min = 0, max = 8) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String valid = "974760673";
        char changed = (char) ('0' + (valid.charAt(position) - '0' + delta) % 10);
        String typo = valid.substring(0, position) + changed + valid.substring(position + 1);
        assertThatThrownBy(() -> new OrganisationNumber(typo)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0150", "9008", "0001"})
    void postalCodesAreFourDigitsWithTheirLeadingZero(String code) {
        assertThat(new PostalCode(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"150", "01500", "O150", "01 5"})
    void malformedPostalCodesAreRefused(String code) {
        assertThatThrownBy(() -> new PostalCode(code)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void contactDetailsAreNormalisedOrRefused() {
        assertThat(new EmailAddress(" Post@Firma.NO ").value()).isEqualTo("Post@firma.no");
        assertThat(new PhoneNumber("+47 22 00 00 00").value()).isEqualTo("+4722000000");
        assertThat(new PhoneNumber("(22) 00-00.00").value()).isEqualTo("22000000");
        assertThat(new WebAddress("firma.no").value()).isEqualTo("https://firma.no");
        assertThat(new WebAddress("http://firma.no/om").value()).isEqualTo("http://firma.no/om");
        for (String bad : new String[] {"post@", "@firma.no", "post@firma", "two@@firma.no", "a b@firma.no"}) {
            assertThatThrownBy(() -> new EmailAddress(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
        for (String bad : new String[] {"1234", "22-00", "telefon", "+47 abc"}) {
            assertThatThrownBy(() -> new PhoneNumber(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
        for (String bad : new String[] {"javascript:alert(1)", "https://", "not a url", "ftp://firma.no"}) {
            assertThatThrownBy(() -> new WebAddress(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }
}
