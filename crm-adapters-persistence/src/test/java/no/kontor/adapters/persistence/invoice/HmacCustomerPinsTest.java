package no.kontor.adapters.persistence.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

/** PIN hashes: plain unit tests, no database. */
class HmacCustomerPinsTest {
    final HmacCustomerPins pins = new HmacCustomerPins("pin-key-0123456789abcdef0123456789abcdef");

    @Test
    void aPinIsSixDigitsAndVaries() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 200; i++) {
            String pin = pins.newPin();
            assertThat(pin).matches("\\d{6}");
            seen.add(pin);
        }
        assertThat(seen).hasSizeGreaterThan(190);
    }

    @Test
    void onlyItsHashIsKeptAndItMatchesOnlyThatInvoiceAndPin() {
        byte[] stored = pins.hash(1042, "482913");
        assertThat(stored).hasSize(32);
        assertThat(pins.matches(1042, "482913", stored)).isTrue();
        assertThat(pins.matches(1042, "482914", stored)).isFalse();
        assertThat(pins.matches(1043, "482913", stored)).as("bound to its invoice number").isFalse();
        assertThat(pins.matches(1042, null, stored)).isFalse();
        var otherKey = new HmacCustomerPins("another-key-0123456789abcdef0123456789ab");
        assertThat(otherKey.matches(1042, "482913", stored)).as("the key is not in the database").isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new HmacCustomerPins("short")).isInstanceOf(IllegalStateException.class);
    }
}
