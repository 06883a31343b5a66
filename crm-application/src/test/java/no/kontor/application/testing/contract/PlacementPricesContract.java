package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.domain.inventory.PlacementPrice;

/** What every {@link PlacementPrices} does. */
public abstract class PlacementPricesContract extends PortContract {

    @Test
    void pricesAreKeptPerPlacementByTheDayTheyStart() {
        var prices = port(PlacementPrices.class);
        var placement = placementId();
        var other = placementId();
        var later = tx(() -> prices.add(new PlacementPrice(null, placement, LocalDate.of(2027, 1, 1), null, 150000), "user:1", now()));
        var earlier = tx(() -> prices.add(new PlacementPrice(null, placement, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 120000),
                "user:1", now()));
        tx(() -> prices.add(new PlacementPrice(null, other, LocalDate.of(2026, 1, 1), null, 1), "user:1", now()));

        assertThat(later.id()).isNotNull();
        assertThat(prices.of(placement)).extracting(PlacementPrice::unitPrice).containsExactlyInAnyOrder(120000L, 150000L);
        var first = prices.page(placement, null, 1);
        var second = prices.page(placement, first.nextCursor(), 1);
        assertThat(first.items()).hasSize(1);
        assertThat(second.items()).hasSize(1);
        assertThat(java.util.List.of(first.items().get(0).id(), second.items().get(0).id()))
                .containsExactlyInAnyOrder(later.id(), earlier.id());
        assertThat(second.nextCursor()).isNull();
    }
}
