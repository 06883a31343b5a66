package no.kontor.application.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryInventory;
import no.kontor.application.testing.InMemorySales;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;

/** {@link BookPlacement} on in-memory ports: no placement is booked twice for a day, and every move is audited. */
class BookPlacementTest {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    final TestClock clock = new TestClock(NOW);
    final InMemorySales sales = new InMemorySales();
    final InMemoryInventory inventory = new InMemoryInventory();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final DirectTransactions tx = new DirectTransactions().register(sales).register(inventory).register(inventory.placements());
    final BookPlacement booking = new BookPlacement(inventory.placements(), inventory, sales, audit, tx, clock);

    final Actor seller = Actor.staff(1, "selma", Role.SELLER);
    final Placement banner = placement("Toppbanner", true);
    final Period march = new Period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7));

    private Placement placement(String name, boolean active) {
        return inventory.placements().add(new Placement(null, name, null, "Forside", Placement.Unit.DAY, active, NOW, NOW, 0));
    }

    private SaleId sale(SaleStage stage) {
        return sales.add(Sale.open(new CompanyId(1), null, stage, false, null, "selma", NOW)).getId();
    }

    @Test
    void aSellerReservesAFreePeriodAndTheBookingIsAudited() {
        var sale = sale(SaleStage.OFFERED);
        var booked = booking.book(seller, sale, banner.id(), march);

        assertThat(booked.status()).isEqualTo(Booking.Status.RESERVED);
        assertThat(booked.saleId()).isEqualTo(sale);
        assertThat(booked.period()).isEqualTo(march);
        assertThat(audit.of("booking", booked.id().value())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("created");
            assertThat(e.actor()).isEqualTo(seller.auditName());
        });
    }

    @Test
    void anOverlappingPeriodIsRefusedNamingTheBookingThatHasIt() {
        var first = booking.book(seller, sale(SaleStage.ORDERED), banner.id(), march);
        var other = sale(SaleStage.LEAD);
        int events = audit.events().size();

        assertThatThrownBy(() -> booking.book(seller, other, banner.id(), new Period(LocalDate.of(2027, 3, 7), LocalDate.of(2027, 3, 9))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("booking.conflict");
                    assertThat(e.details()).containsEntry("bookingId", first.id().value()).containsEntry("firstDay", "2027-03-01")
                            .containsEntry("lastDay", "2027-03-07");
                });
        assertThat(inventory.ofSale(other)).isEmpty();
        assertThat(audit.events()).hasSize(events);
    }

    @Test
    void theDayAfterAndAnotherPlacementAreFree() {
        booking.book(seller, sale(SaleStage.ORDERED), banner.id(), march);
        var next = booking.book(seller, sale(SaleStage.ORDERED), banner.id(), new Period(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 8)));
        var elsewhere = booking.book(seller, sale(SaleStage.ORDERED), placement("Sidebanner", true).id(), march);
        assertThat(next.id()).isNotEqualTo(elsewhere.id());
    }

    @Test
    void aCancelledBookingFreesItsDays() {
        var first = booking.book(seller, sale(SaleStage.ORDERED), banner.id(), march);
        var cancelled = booking.cancel(seller, first.id());
        assertThat(cancelled.status()).isEqualTo(Booking.Status.CANCELLED);
        assertThat(booking.book(seller, sale(SaleStage.ORDERED), banner.id(), march).status()).isEqualTo(Booking.Status.RESERVED);
        assertThat(audit.of("booking", first.id().value())).extracting(e -> e.action()).containsExactly("created", "changed");
    }

    @Test
    void aReservationIsConfirmedOnceAndACancellationHappensOnce() {
        var b = booking.book(seller, sale(SaleStage.ORDERED), banner.id(), march);
        assertThat(booking.confirm(seller, b.id()).status()).isEqualTo(Booking.Status.CONFIRMED);
        assertThatThrownBy(() -> booking.confirm(seller, b.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("booking.not-reserved"));
        booking.cancel(seller, b.id());
        assertThatThrownBy(() -> booking.cancel(seller, b.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("booking.already-cancelled"));
    }

    @Test
    void anInactivePlacementIsNotForSale() {
        var retired = placement("Gammel banner", false);
        assertThatThrownBy(() -> booking.book(seller, sale(SaleStage.ORDERED), retired.id(), march))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("placement.inactive"));
    }

    @Test
    void aClosedSaleTakesNoBookings() {
        for (var stage : new SaleStage[] {SaleStage.LOST, SaleStage.CANCELLED}) {
            var open = sales.find(sale(SaleStage.OFFERED)).orElseThrow();
            var closed = sales.changeStage(open.moveTo(stage, "test", "selma", NOW), SaleStage.OFFERED, "test").getId();
            assertThatThrownBy(() -> booking.book(seller, closed, banner.id(), march)).as(stage.name())
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("sale.closed"));
        }
        assertThat(inventory.overlapping(banner.id(), march)).isEmpty();
    }

    @Test
    void aSaleOnAnInvoiceTakesNoNewBookingsAndKeepsItsOwn() {
        var open = sale(SaleStage.ORDERED);
        var kept = booking.book(seller, open, banner.id(), march);
        sales.update(sales.find(open).orElseThrow().putOnInvoice(9, "mona", NOW));
        assertThatThrownBy(() -> booking.book(seller, open, placement("Sidebanner", true).id(), march))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("sale.on-invoice"));
        assertThatThrownBy(() -> booking.cancel(seller, kept.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("sale.on-invoice"));
        assertThat(booking.confirm(seller, kept.id()).status()).as("confirming stays allowed").isEqualTo(Booking.Status.CONFIRMED);
    }

    @Test
    void unknownPlacementsSalesAndBookingsAreNotFound() {
        assertThatThrownBy(() -> booking.book(seller, sale(SaleStage.ORDERED), new PlacementId(404), march))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> booking.book(seller, new SaleId(404), banner.id(), march)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> booking.cancel(seller, new BookingId(404))).isInstanceOf(NotFoundException.class);
        assertThat(inventory.overlapping(banner.id(), march)).isEmpty();
    }

    @Test
    void theOrderFormMayNotBookThroughTheStaffUseCase() {
        var sale = sale(SaleStage.LEAD);
        assertThatThrownBy(() -> booking.book(Actor.publicForm(), sale, banner.id(), march)).isInstanceOf(AccessDeniedException.class);
        assertThat(inventory.ofSale(sale)).isEmpty();
    }

    @Test
    void releasingASaleCancelsItsActiveBookingsAndAuditsEach() {
        var sale = sale(SaleStage.ORDERED);
        var one = booking.book(seller, sale, banner.id(), march);
        var two = booking.book(seller, sale, placement("Sidebanner", true).id(), march);
        booking.cancel(seller, two.id());

        int released = tx.inTransaction(() -> booking.releaseAllOf(seller, sale));

        assertThat(released).as("the cancelled one is left alone").isEqualTo(1);
        assertThat(inventory.find(one.id()).orElseThrow().status()).isEqualTo(Booking.Status.CANCELLED);
        assertThat(audit.of("booking", one.id().value())).extracting(e -> e.action()).containsExactly("created", "changed");
    }

    @Test
    void aPlacementsActiveBookingsInAWindowNameTheirSalesByFirstDayAndOnlyStaffReadThem() {
        var early = sale(SaleStage.ORDERED);
        var late = sale(SaleStage.LEAD);
        var second = booking.book(seller, late, banner.id(), new Period(LocalDate.of(2027, 3, 20), LocalDate.of(2027, 4, 2)));
        var first = booking.book(seller, early, banner.id(), march);
        var gone = booking.book(seller, early, banner.id(), new Period(LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 12)));
        booking.cancel(seller, gone.id());
        booking.book(seller, early, banner.id(), new Period(LocalDate.of(2027, 4, 10), LocalDate.of(2027, 4, 12)));

        var inMarch = booking.ofPlacement(seller, banner.id(), new Period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)));

        assertThat(inMarch).extracting(Booking::id).as("cancelled and April's left out, by first day")
                .containsExactly(first.id(), second.id());
        assertThat(inMarch).extracting(Booking::saleId).containsExactly(early, late);
        assertThatThrownBy(() -> booking.ofPlacement(Actor.publicForm(), banner.id(), march)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> booking.ofPlacement(seller, new PlacementId(999), march)).isInstanceOf(NotFoundException.class);
    }
}
