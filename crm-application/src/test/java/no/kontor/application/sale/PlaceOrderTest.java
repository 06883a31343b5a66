package no.kontor.application.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.shared.RequestMismatchException;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.ValidationException;

/**
 * {@link PlaceOrder}, the public order form, on in-memory ports: what an order creates
 * and audits, a taken period, a known customer, replays, bad forms and the throttle.
 */
class PlaceOrderTest extends OrderFormWorld {

    PlaceOrder.Form form(String email, String organisationNumber, long placementId, LocalDate first, LocalDate last) {
        return new PlaceOrder.Form("Firma AS", organisationNumber, "Kari Nordmann", email, null, placementId, first, last, "Hei");
    }

    PlaceOrder.Order placed(PlaceOrder.Form form, String key) {
        return ((PlaceOrder.Placed) placeOrder.execute(form, "192.0.2.7", key)).order();
    }

    private void refusedWithNothingWritten(PlaceOrder.Form form, String field, String code) {
        int companiesBefore = companies.size();
        int salesBefore = sales.size();
        int eventsBefore = audit.events().size();
        assertThatThrownBy(() -> placeOrder.execute(form, "192.0.2.7", null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.code()).isEqualTo(code);
                }));
        assertThat(companies.size()).isEqualTo(companiesBefore);
        assertThat(sales.size()).isEqualTo(salesBefore);
        assertThat(audit.events()).hasSize(eventsBefore);
    }

    @Test
    void anOrderForAFreePeriodMakesTheCustomerAnOrderedSaleABookingAndAnActivity() {
        var first = today.plusDays(10);
        var order = placed(form("kari@firma.example", null, banner.id().value(), first, first.plusDays(6)), null);

        assertThat(order.taken()).isFalse();
        assertThat(order.replayed()).isFalse();
        assertThat(order.reference()).isNotNull();
        assertThat(companies.find(order.companyId()).orElseThrow().getName()).isEqualTo("Firma AS");
        assertThat(sales.find(order.saleId()).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(bookings.find(order.bookingId()).orElseThrow().period().firstDay()).isEqualTo(first);
        assertThat(activities.find(order.activityId())).isPresent();
        assertThat(orders.referenceOf(order.saleId())).contains(order.reference());
    }

    @Test
    void everythingAnOrderCreatesIsAuditedAsTheOrderForm() {
        var first = today.plusDays(10);
        var order = placed(form("kari@firma.example", null, banner.id().value(), first, first), null);
        assertThat(audit.events()).extracting(e -> e.recordType() + ":" + e.action()).containsExactly("company:created",
                "contact:created", "sale:created", "booking:created", "activity:created");
        assertThat(audit.events()).allSatisfy(e -> assertThat(e.actor()).isEqualTo("public"));
        assertThat(audit.of("sale", order.saleId().value())).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains(order.reference().value()));
    }

    @Test
    void aTakenPeriodBecomesALeadWithoutABookingAndOffersTheNearestFreePeriods() {
        var first = today.plusDays(20);
        placed(form("a@first.example", null, banner.id().value(), first, first.plusDays(4)), null);

        var order = placed(form("b@second.example", null, banner.id().value(), first.plusDays(2), first.plusDays(3)), null);

        assertThat(order.taken()).isTrue();
        assertThat(order.bookingId()).isNull();
        assertThat(sales.find(order.saleId()).orElseThrow().getStage()).isEqualTo(SaleStage.LEAD);
        assertThat(order.nearestFree()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.days()).isEqualTo(2);
            assertThat(p.lastDay().isBefore(first) || p.firstDay().isAfter(first.plusDays(4))).isTrue();
        });
        assertThat(audit.events()).extracting(e -> e.recordType() + ":" + e.action()).filteredOn(s -> s.startsWith("booking"))
                .hasSize(1);
    }

    @Test
    void aKnownCustomerIsFoundByOrganisationNumberAndItsContactByEmailWhateverTheCase() {
        var first = today.plusDays(10);
        var one = placed(form("kari@firma.example", "974760673", banner.id().value(), first, first), null);
        var two = placed(form("KARI@Firma.example", "974760673", banner.id().value(), first.plusDays(1), first.plusDays(1)), null);

        assertThat(two.companyId()).isEqualTo(one.companyId());
        assertThat(two.contactId()).isEqualTo(one.contactId());
        assertThat(two.saleId()).isNotEqualTo(one.saleId());
        assertThat(companies.size()).isEqualTo(1);
        assertThat(audit.events()).extracting(e -> e.recordType() + ":" + e.action())
                .filteredOn(s -> s.equals("company:created")).hasSize(1);
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheOrderAndAnotherFormUnderTheKeyIsRefused() {
        var first = today.plusDays(10);
        var form = form("kari@firma.example", null, banner.id().value(), first, first);
        var order = placed(form, "order-1");
        int events = audit.events().size();

        var replay = placed(form, "order-1");

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.reference()).isEqualTo(order.reference());
        assertThat(replay.saleId()).isEqualTo(order.saleId());
        assertThat(sales.size()).isEqualTo(1);
        assertThat(audit.events()).hasSize(events);
        assertThatThrownBy(() -> placeOrder.execute(form("kari@firma.example", null, banner.id().value(), first.plusDays(1),
                first.plusDays(1)), "192.0.2.7", "order-1")).isInstanceOf(RequestMismatchException.class);
    }

    @Test
    void theSameFormTwiceWithoutAKeyIsOneOrderWithinTenMinutesAndTwoAfter() {
        var first = today.plusDays(10);
        var form = form("kari@firma.example", null, banner.id().value(), first, first);
        var order = placed(form, null);
        assertThat(placed(form, null).saleId()).as("a double click").isEqualTo(order.saleId());

        clock.advance(Duration.ofMinutes(11));
        var later = placed(form, null);
        assertThat(later.saleId()).isNotEqualTo(order.saleId());
        assertThat(later.taken()).as("its own first order holds the day").isTrue();
    }

    @Test
    void aBadFormIsRefusedNamingTheFieldAndNothingIsWritten() {
        var first = today.plusDays(10);
        refusedWithNothingWritten(form(null, null, banner.id().value(), first, first), "email", "order.email-missing");
        refusedWithNothingWritten(form("kari@firma.example", null, banner.id().value(), today.minusDays(1), today),
                "firstDay", "order.period-in-past");
        refusedWithNothingWritten(new PlaceOrder.Form("", null, "Kari", "kari@firma.example", null, banner.id().value(), first, first,
                null), "companyName", "company.name-missing");
        refusedWithNothingWritten(new PlaceOrder.Form("Firma AS", null, "Kari", "kari@firma.example", null,
                banner.id().value(), first, first, "x".repeat(4001)),
                "message", "order.message-too-long");
    }

    @Test
    void anUnknownOrRetiredPlacementIsRefused() {
        var first = today.plusDays(10);
        var retired = placements.add(new Placement(null, "Gammel", null, null, Placement.Unit.DAY, false, clock.instant(),
                clock.instant(), 0));
        refusedWithNothingWritten(form("kari@firma.example", null, 999, first, first), "placementId", "order.placement-unknown");
        refusedWithNothingWritten(form("kari@firma.example", null, retired.id().value(), first, first), "placementId",
                "order.placement-unknown");
    }

    @Test
    void moreThanThirtyPostsAMinuteFromOneAddressAreThrottled() {
        var first = today.plusDays(10);
        for (int i = 0; i < 30; i++) {
            placeOrder.execute(form("kari" + i + "@firma.example", null, banner.id().value(), first.plusDays(i), first.plusDays(i)),
                    "198.51.100.1", null);
        }
        var throttled = placeOrder.execute(form("late@firma.example", null, banner.id().value(), first, first), "198.51.100.1", null);
        assertThat(throttled).isInstanceOfSatisfying(PlaceOrder.Throttled.class,
                t -> assertThat(t.retryAfter()).as("until the window has passed, rounded up").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(61)));
        assertThat(placeOrder.execute(form("other@firma.example", null, banner.id().value(), first.plusDays(40), first.plusDays(40)),
                "198.51.100.2", null)).as("another address is not throttled").isInstanceOf(PlaceOrder.Placed.class);
    }
}
