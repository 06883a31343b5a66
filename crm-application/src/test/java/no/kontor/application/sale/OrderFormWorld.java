package no.kontor.application.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryActivities;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryContacts;
import no.kontor.application.testing.InMemoryIdempotencyKeys;
import no.kontor.application.testing.InMemoryInventory;
import no.kontor.application.testing.InMemoryPublicOrders;
import no.kontor.application.testing.InMemorySales;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.ValidationException;

/**
 * The order form's world on in-memory ports, with a clock the test moves and a random
 * source the test can script: what the order-form tests share.
 */
abstract class OrderFormWorld {
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    final DirectTransactions tx = new DirectTransactions();
    final InMemoryCompanies companies = tx.registered(new InMemoryCompanies());
    final InMemoryContacts contacts = tx.registered(new InMemoryContacts());
    final InMemorySales sales = tx.registered(new InMemorySales());
    final InMemorySales.Lines lines = tx.registered(new InMemorySales.Lines());
    final InMemoryInventory bookings = tx.registered(new InMemoryInventory().withSales(sales));
    final InMemoryInventory.Placements placements = tx.registered(new InMemoryInventory.Placements());
    final InMemoryActivities activities = tx.registered(new InMemoryActivities());
    final InMemoryIdempotencyKeys keys = tx.registered(new InMemoryIdempotencyKeys());
    final InMemoryPublicOrders orders = tx.registered(new InMemoryPublicOrders());
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final Deque<Integer> draws = new ArrayDeque<>();
    final RandomGenerator random = new RandomGenerator() {
        final RandomGenerator real = RandomGenerator.of("L64X128MixRandom");

        @Override
        public long nextLong() {
            return real.nextLong();
        }

        @Override
        public int nextInt(int bound) {
            return draws.isEmpty() ? real.nextInt(bound) : draws.poll();
        }
    };
    final PlaceOrder placeOrder = new PlaceOrder(companies, contacts, sales, lines, () -> {
        throw new AssertionError("no placement here has a price");
    }, placements, new InMemoryInventory.Prices(), bookings, activities, keys, new InMemoryPublicOrders.Posts(), orders, audit, tx,
            clock, PlaceOrder.Limits.DEFAULT, random);
    final ExpireReservations expiry = new ExpireReservations(bookings, placements, sales, activities, audit, tx, clock,
            Duration.ofDays(7));
    final Placement banner = placements.add(new Placement(null, "Toppbanner", null, null, Placement.Unit.DAY, true, clock.instant(),
            clock.instant(), 0));
    final LocalDate today = BusinessDays.dayOf(clock.instant());

    PlaceOrder.Order order(String email, LocalDate first, LocalDate last, String key) {
        var form = new PlaceOrder.Form("Firma " + email, null, "Kari", email, null, banner.id().value(), first, last, null);
        return ((PlaceOrder.Placed) placeOrder.execute(form, "192.0.2.1", key)).order();
    }
}
