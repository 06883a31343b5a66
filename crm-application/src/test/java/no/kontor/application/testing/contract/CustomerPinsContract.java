package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.port.CustomerPins;

/** What every {@link CustomerPins} does (docs/decisions/pin-handling.md). */
public abstract class CustomerPinsContract extends PortContract {

    @Test
    void aPinIsSixDigitsAndItsHashMatchesThatPinOfThatInvoiceOnly() {
        var pins = port(CustomerPins.class);
        String pin = pins.newPin();
        assertThat(pin).matches("\\d{6}");
        byte[] hash = pins.hash(1001, pin);
        assertThat(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(pin);
        assertThat(pins.matches(1001, pin, hash)).isTrue();
        assertThat(pins.matches(1002, pin, hash)).as("another invoice").isFalse();
        String other = pin.equals("000000") ? "000001" : "000000";
        assertThat(pins.matches(1001, other, hash)).as("another PIN").isFalse();
        assertThat(pins.matches(1001, pin, null)).as("no stored hash").isFalse();
    }
}
