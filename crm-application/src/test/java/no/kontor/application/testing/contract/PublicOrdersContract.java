package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import no.kontor.application.sale.port.OrderFormPosts;
import no.kontor.application.sale.port.PublicOrders;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.SaleStage;

/** What every {@link PublicOrders} and {@link OrderFormPosts} does. */
public abstract class PublicOrdersContract extends PortContract {

    @Test
    void aReferenceIsKeptWithItsSaleAndIsNeverGivenTwice() {
        var sale = sale(SaleStage.ORDERED);
        var other = sale(SaleStage.ORDERED);
        var reference = OrderReference.random(RandomGenerator.of("L64X128MixRandom"));
        assertThat(tx(() -> port(PublicOrders.class).add(sale, reference, now()))).isTrue();
        assertThat(tx(() -> port(PublicOrders.class).add(other, reference, now()))).as("the reference is taken").isFalse();
        assertThat(port(PublicOrders.class).referenceOf(sale)).contains(reference);
        assertThat(port(PublicOrders.class).referenceOf(other)).isEmpty();
    }

    @Test
    void postsAreCountedPerAddressWithinTheWindowAndForgottenAfterwards() {
        var posts = port(OrderFormPosts.class);
        String address = "192.0.2." + (unique() % 250);
        var start = now();
        run(() -> posts.record(address, start, start.minus(Duration.ofHours(1))));
        run(() -> posts.record(address, start.plusSeconds(30), start.minus(Duration.ofHours(1))));
        run(() -> posts.record("198.51.100." + (unique() % 250), start.plusSeconds(31), start.minus(Duration.ofHours(1))));

        var window = tx(() -> posts.since(address, start));
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.oldest()).isEqualTo(start);
        assertThat(tx(() -> posts.since(address, start.plusSeconds(1))).count()).isEqualTo(1);

        run(() -> posts.record(address, start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(1))));
        assertThat(tx(() -> posts.since(address, start)).count()).as("the old posts were forgotten").isEqualTo(1);
    }
}
