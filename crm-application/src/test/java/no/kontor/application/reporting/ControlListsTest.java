package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ValidationException;

/** The control lists: the cut-off they ask for, who sees what, and what they refuse. */
class ControlListsTest {
    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    final List<UninvoicedOrder> orders = List.of(new UninvoicedOrder(1, 10, "Kunde AS", 7L, NOW.minus(Duration.ofDays(40)), "Vår"),
            new UninvoicedOrder(2, 11, "Annen AS", 8L, NOW.minus(Duration.ofDays(35)), "Høst"));
    Instant askedBefore;
    final ControlLists lists = new ControlLists(new UnreadBooks() {
        @Override
        public List<UninvoicedOrder> orderedNotInvoiced(Instant orderedBefore) {
            askedBefore = orderedBefore;
            return orders;
        }

        @Override
        public no.kontor.application.shared.Page<UninvoicedOrder> orderedNotInvoiced(Instant orderedBefore, String cursor, int limit) {
            askedBefore = orderedBefore;
            askedLimit = limit;
            return new no.kontor.application.shared.Page<>(orders.subList(0, Math.min(limit, orders.size())), null);
        }

        @Override
        public List<StrayBooking> bookingsOfClosedSales() {
            return List.of(new StrayBooking(5, 3, "Toppbanner", 1, "LOST", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 7), "RESERVED"));
        }
    }, new UnreadLedger() {
        @Override
        public List<UnmatchedPayment> unmatchedPayments() {
            return List.of(new UnmatchedPayment(4, LocalDate.of(2026, 11, 10), 5000, "123", "OCR", "system:ocr"));
        }
    }, new DirectTransactions(), new TestClock(NOW));
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);
    int askedLimit;

    @Test
    void theListIsPagedAtMostFiveHundredAtATime() {
        assertThat(lists.orderedNotInvoiced(manager, 14, null, 1).items()).hasSize(1);
        assertThat(askedBefore).isEqualTo(NOW.minus(java.time.Duration.ofDays(14)));
        lists.orderedNotInvoiced(manager, null, null, 100_000);
        assertThat(askedLimit).isEqualTo(ControlLists.MAX_PAGE);
        lists.orderedNotInvoiced(manager, null, null, -3);
        assertThat(askedLimit).isEqualTo(1);
        assertThatThrownBy(() -> lists.orderedNotInvoiced(manager, -1, null, 10)).isInstanceOf(ValidationException.class);
    }

    @Test
    void ordersNotInvoicedAreThoseOrderedMoreThanTheGivenDaysAgoThirtyByDefault() {
        assertThat(lists.orderedNotInvoiced(manager, null)).hasSize(2);
        assertThat(askedBefore).isEqualTo(NOW.minus(Duration.ofDays(30)));
        lists.orderedNotInvoiced(manager, 0);
        assertThat(askedBefore).isEqualTo(NOW);
    }

    @Test
    void aSellerSeesEveryOrder() {
        assertThat(lists.orderedNotInvoiced(Actor.staff(7, "selma", Role.SELLER), 14)).extracting(UninvoicedOrder::saleId)
                .containsExactly(1L, 2L);
    }

    @Test
    void aNegativeOrHugeNumberOfDaysIsRefused() {
        assertThatThrownBy(() -> lists.orderedNotInvoiced(manager, -1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> lists.orderedNotInvoiced(manager, 3651)).isInstanceOf(ValidationException.class);
    }

    @Test
    void strayBookingsAreForStaff() {
        assertThat(lists.bookingsOfClosedSales(manager)).extracting(StrayBooking::bookingId).containsExactly(5L);
        assertThat(lists.bookingsOfClosedSales(Actor.staff(7, "selma", Role.SELLER))).extracting(StrayBooking::bookingId).containsExactly(5L);
        assertThatThrownBy(() -> lists.bookingsOfClosedSales(Actor.publicForm())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyMemberOfStaffReadsTheUnmatchedPaymentsAndAPriceListNeedsAPeriod() {
        assertThat(lists.unmatchedPayments(Actor.staff(3, "selma", Role.SELLER))).extracting(UnmatchedPayment::amount).containsExactly(5000L);
        assertThatThrownBy(() -> lists.unmatchedPayments(Actor.publicForm())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lists.priceDeviations(manager, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(ValidationException.class);
    }
}
