package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import no.kontor.application.inventory.port.Placements;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Placements} does. */
public abstract class PlacementsContract extends PortContract {

    protected final Placement placement(String name) {
        return tx(() -> port(Placements.class).add(new Placement(null, name + " " + unique(), "beskrivelse", "Forside",
                Placement.Unit.DAY, true, now(), now(), 0)));
    }

    @Test
    void aPlacementIsStoredReadLockedAndListed() {
        var stored = placement("Toppbanner");
        assertThat(port(Placements.class).find(stored.id())).contains(stored);
        assertThat(tx(() -> port(Placements.class).lock(stored.id()))).contains(stored);
        assertThat(port(Placements.class).all()).contains(stored);
        assertThat(port(Placements.class).find(new PlacementId(987_654_321))).isEmpty();
    }

    @Test
    void placementsArePagedWithoutRepeats() {
        for (int i = 0; i < 3; i++) {
            placement("Side " + i);
        }
        var seen = new java.util.ArrayList<PlacementId>();
        String cursor = null;
        do {
            var page = port(Placements.class).page(cursor, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(p -> seen.add(p.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                port(Placements.class).all().stream().map(Placement::id).toList());
    }

    @Test
    void anUpdateRaisesTheVersionAndAStaleOneIsRefused() {
        var stored = placement("Endres");
        var changed = tx(() -> port(Placements.class).update(stored.change("Endret " + unique(), null, "Sport", Placement.Unit.WEEK, false,
                now())));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.active()).isFalse();
        assertThatThrownBy(() -> tx(() -> port(Placements.class).update(stored.change("Gammel " + unique(), null, null, Placement.Unit.DAY,
                true, now())))).isInstanceOf(StaleVersionException.class);
    }
}
