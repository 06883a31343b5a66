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

/** The public order form and the expiry of its reservations, on in-memory ports and a clock the test moves. */
class PublicOrderUseCasesTest extends OrderFormWorld {
    @Test
    void aPublicOrderReservesAtMostNinetyDaysStartingWithinAYear() {
        var first = today.plusDays(10);
        assertThatThrownBy(() -> order("a@lang.no", first, first.plusDays(90), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.field() + " " + err.code()).isEqualTo("lastDay order.period-too-long")));
        assertThatThrownBy(() -> order("b@fjern.no", today.plusDays(366), today.plusDays(366), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.field() + " " + err.code()).isEqualTo("firstDay order.period-too-far-ahead")));
        assertThatThrownBy(() -> order("c@fortid.no", today.minusDays(1), today, null)).isInstanceOf(ValidationException.class);
        assertThat(sales.size()).isZero();
        assertThat(bookings.size()).isZero();

        assertThat(order("d@akkurat.no", first, first.plusDays(89), null).bookingId()).as("90 days, both ends included").isNotNull();
        assertThat(order("e@sist.no", today.plusDays(365), today.plusDays(365), null).bookingId()).isNotNull();
    }

    @Test
    void everyOrderHasItsOwnReferenceAndADrawnReferenceThatIsTakenIsDrawnAgain() {
        for (int i = 0; i < 8; i++) {
            draws.add(0);
        }
        var first = order("a@ref.no", today.plusDays(1), today.plusDays(2), null);
        assertThat(first.reference()).isEqualTo(new OrderReference("K-0000-0000"));
        for (int i = 0; i < 8; i++) {
            draws.add(0); // the same again: taken
        }
        for (int i = 0; i < 8; i++) {
            draws.add(1);
        }
        var second = order("b@ref.no", today.plusDays(3), today.plusDays(4), null);
        assertThat(second.reference()).isEqualTo(new OrderReference("K-1111-1111"));
        assertThat(orders.referenceOf(second.saleId())).contains(second.reference());

        var replay = order("a@ref.no", today.plusDays(1), today.plusDays(2), null);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.reference()).isEqualTo(first.reference());
        var keyed = order("c@ref.no", today.plusDays(5), today.plusDays(6), "k-1");
        assertThat(order("c@ref.no", today.plusDays(5), today.plusDays(6), "k-1").reference()).isEqualTo(keyed.reference());
    }

    @Test
    void aReferenceIsReadBackAsACustomerReadsItOut() {
        assertThat(OrderReference.parse(" k 7f3q-9xpa ", "q")).isEqualTo(new OrderReference("K-7F3Q-9XPA"));
        assertThat(OrderReference.parse("7F3Q9XPA", "q")).isEqualTo(new OrderReference("K-7F3Q-9XPA"));
        assertThat(OrderReference.parse("K-OI3Q-LXPA", "q")).isEqualTo(new OrderReference("K-013Q-1XPA"));
        assertThatThrownBy(() -> OrderReference.parse("K-7F3Q-9XPU", "q")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("q"));
        assertThatThrownBy(() -> OrderReference.parse(null, "q")).isInstanceOf(ValidationException.class);
    }

    @Test
    void anUnconfirmedReservationExpiresAfterSevenDaysFreesItsDaysAndSaysSo() {
        var first = today.plusDays(20);
        var order = order("a@utlop.no", first, first.plusDays(6), null);
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(expiry.run()).isEqualTo(new ExpireReservations.Run(0, 0));
        assertThat(bookings.find(order.bookingId()).orElseThrow().status()).isEqualTo(Booking.Status.RESERVED);

        clock.advance(Duration.ofMinutes(2));
        assertThat(expiry.run()).isEqualTo(new ExpireReservations.Run(1, 0));
        assertThat(bookings.find(order.bookingId()).orElseThrow().status()).isEqualTo(Booking.Status.CANCELLED);
        var sale = sales.find(order.saleId()).orElseThrow();
        assertThat(sale.getStage()).isEqualTo(SaleStage.LEAD);
        assertThat(sale.getStageReason()).contains("7 dager");
        assertThat(sales.history(order.saleId())).last().satisfies(c -> {
            assertThat(c.from()).isEqualTo(SaleStage.ORDERED);
            assertThat(c.to()).isEqualTo(SaleStage.LEAD);
            assertThat(c.changedBy()).isEqualTo("system:reservation-expiry");
        });
        var note = activities.timeline(order.companyId(), 10, null).items().get(0);
        assertThat(note.getKind()).isEqualTo(ActivityKind.NOTE);
        assertThat(note.getSubject()).startsWith("Reservasjon utløpt: Toppbanner " + first + "–" + first.plusDays(6));
        assertThat(audit.events()).filteredOn(e -> e.actor().equals("system:reservation-expiry"))
                .extracting(e -> e.recordType() + ":" + e.action()).containsExactly("booking:changed", "sale:stage-changed",
                        "activity:created");
        assertThat(expiry.run()).as("expired once").isEqualTo(new ExpireReservations.Run(0, 0));

        var again = order("b@etter.no", first, first.plusDays(6), null);
        assertThat(again.taken()).as("the days are free again").isFalse();
    }

    @Test
    void aConfirmedReservationAndASaleOnAnInvoiceAreNeverTouched() {
        var confirmed = order("a@bekreftet.no", today.plusDays(1), today.plusDays(2), null);
        var booking = bookings.find(confirmed.bookingId()).orElseThrow();
        bookings.update(booking.confirm("user:1", clock.instant()));
        var invoiced = order("b@faktura.no", today.plusDays(3), today.plusDays(4), null);
        var sale = sales.find(invoiced.saleId()).orElseThrow();
        sales.update(sale.putOnInvoice(99, "user:2", clock.instant()));

        clock.advance(Duration.ofDays(30));
        assertThat(expiry.run()).isEqualTo(new ExpireReservations.Run(0, 0));
        assertThat(bookings.find(confirmed.bookingId()).orElseThrow().status()).isEqualTo(Booking.Status.CONFIRMED);
        assertThat(bookings.find(invoiced.bookingId()).orElseThrow().status()).isEqualTo(Booking.Status.RESERVED);
        assertThat(sales.find(invoiced.saleId()).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(audit.events()).noneMatch(e -> e.actor().startsWith("system:"));
    }

    @Test
    void aReservationThatCannotExpireIsLeftForTheNextRunAndTheOthersStillExpire() {
        var stuck = order("a@fast.no", today.plusDays(1), today.plusDays(2), null);
        var fine = order("b@fin.no", today.plusDays(3), today.plusDays(4), null);
        // the sale was lost behind the job's back while its booking stayed reserved: cancelling is refused
        var sale = sales.find(stuck.saleId()).orElseThrow();
        sales.update(sale.moveTo(SaleStage.LOST, "kunden ombestemte seg", "user:1", clock.instant()));
        var withSalesOpen = new InMemoryInventory(); // a claim that does not look at the sale
        withSalesOpen.register(bookings.find(stuck.bookingId()).orElseThrow());
        withSalesOpen.register(bookings.find(fine.bookingId()).orElseThrow());
        var job = new ExpireReservations(withSalesOpen, placements, sales, activities, audit, tx, clock, Duration.ofDays(7));

        clock.advance(Duration.ofDays(8));
        assertThat(job.run()).isEqualTo(new ExpireReservations.Run(1, 1));
        assertThat(withSalesOpen.find(stuck.bookingId()).orElseThrow().status()).isEqualTo(Booking.Status.RESERVED);
        assertThat(withSalesOpen.find(fine.bookingId()).orElseThrow().status()).isEqualTo(Booking.Status.CANCELLED);
    }
}
