package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.port.InvoiceNumbers;

/** What every {@link InvoiceNumbers} does: one series without gaps, even after a rollback (docs/decisions/invoice-series.md). */
public abstract class InvoiceNumbersContract extends PortContract {

    @Test
    void numbersFollowEachOtherAndARolledBackNumberIsGivenBack() {
        var numbers = port(InvoiceNumbers.class);
        long first = tx(numbers::next);
        assertThat(tx(numbers::next)).isEqualTo(first + 1);
        assertThatThrownBy(() -> tx(() -> {
            assertThat(numbers.next()).isEqualTo(first + 2);
            throw new IllegalStateException("the issue failed");
        })).hasMessage("the issue failed");
        assertThat(tx(numbers::next)).as("the rolled-back number again").isEqualTo(first + 2);
    }
}
