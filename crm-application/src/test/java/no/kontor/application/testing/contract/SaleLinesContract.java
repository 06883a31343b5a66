package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.sale.port.SaleLines;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatRate;
import no.kontor.domain.sale.VatRates;

/** What every {@link SaleLines} does. */
public abstract class SaleLinesContract extends PortContract {
    private static final VatRates RATES = new VatRates(List.of(new VatRate(new BigDecimal("25"), LocalDate.of(2001, 1, 1), null,
            "standard")));

    private SaleLines lines() {
        return port(SaleLines.class);
    }

    private SaleLine line(SaleId sale, String description, long unitPrice) {
        return SaleLine.check(null, sale, new SaleLine.Input(null, description, new BigDecimal("2"), SaleUnit.PIECE, unitPrice, null, null,
                null, null), RATES, LocalDate.of(2026, 11, 24));
    }

    @Test
    void linesAreStoredWithIdsAndReadBackInTheOrderTheyWereAdded() {
        var sale = sale(SaleStage.ORDERED);
        var one = tx(() -> lines().add(line(sale, "Helside", 100000)));
        var two = tx(() -> lines().add(line(sale, "Halvside", 60000)));
        assertThat(one.id()).isNotNull();
        assertThat(lines().find(sale, one.id())).contains(one);
        assertThat(lines().ofSale(sale)).containsExactly(one, two);
    }

    @Test
    void aLineIsReplacedAndRemovedWithinItsSaleOnly() {
        var sale = sale(SaleStage.ORDERED);
        var other = sale(SaleStage.ORDERED);
        var stored = tx(() -> lines().add(line(sale, "Helside", 100000)));
        var replaced = tx(() -> lines().update(line(sale, "Helside, farger", 120000).withId(stored.id())));
        assertThat(lines().find(sale, stored.id())).contains(replaced);
        assertThat(lines().find(other, stored.id())).as("another sale's line is not found through this one").isEmpty();

        run(() -> lines().remove(sale, stored.id()));
        assertThat(lines().find(sale, stored.id())).isEmpty();
        assertThat(lines().ofSale(sale)).isEmpty();
    }

    @Test
    void theLinesOfSeveralSalesAreReadAtOnce() {
        var first = sale(SaleStage.ORDERED);
        var second = sale(SaleStage.ORDERED);
        var empty = sale(SaleStage.ORDERED);
        var a = tx(() -> lines().add(line(first, "A", 1000)));
        var b = tx(() -> lines().add(line(second, "B", 2000)));
        var read = lines().ofSales(List.of(first, second, empty));
        assertThat(read.get(first)).containsExactly(a);
        assertThat(read.get(second)).containsExactly(b);
        assertThat(read.getOrDefault(empty, List.of())).isEmpty();
    }
}
