package no.kontor.application.sale;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import no.kontor.application.shared.Fingerprint;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.inventory.Availability;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.sale.port.OrderFormPosts;
import no.kontor.application.sale.port.PublicOrders;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.sale.port.VatRateTable;

/**
 * The public order form: a stranger orders a placement for some days. In one
 * transaction, in the lock order of docs/architecture.md#lock-order (the idempotency key, the placement,
 * the rows, the audit head last), it finds or creates the company and the contact,
 * opens a sale — ordered with a reserved booking when the placement is free, a lead
 * without one when it is taken — and logs an incoming order with a follow-up due
 * today for the company's seller or on the shared unassigned list.
 *
 * <p>Retries are safe: with an {@code Idempotency-Key} the same body replays the
 * outcome and a different one is refused; without a key, the same content within
 * ten minutes replays the first order. Posts are limited per client address.
 *
 * <p>What a stranger may reserve is bounded: at most {@link Limits#maxDays()} days,
 * starting today at the earliest and at most {@link Limits#maxDaysAhead()} days
 * from today (Europe/Oslo). Staff bookings are not bounded by these. Every order
 * gets a random {@link OrderReference}; that, and never an internal id, is what the
 * customer is told, and the answer reads the same whether the company or the
 * e-mail address was known before or not.
 */
public final class PlaceOrder {
    private static final String SCOPE = "public";
    private static final int NEAREST_FREE = 3;

    private final OrderCustomer customers;
    private final Sales sales;
    private final SaleLines lines;
    private final VatRateTable vatRates;
    private final Placements placements;
    private final PlacementPrices prices;
    private final Bookings bookings;
    private final Activities activities;
    private final IdempotencyKeys keys;
    private final OrderFormPosts posts;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final Limits limits;
    private final PublicOrders orders;
    private final RandomGenerator random;

    /**
     * The form's limits.
     *
     * @param maxDays      the most days (first and last included) one order may reserve
     * @param maxDaysAhead how many days after today the first day may be at the latest
     */
    public record Limits(int postsPerMinute, Duration keyKeptFor, Duration sameContentWithin, int maxDays, int maxDaysAhead) {
        public static final Limits DEFAULT = new Limits(30, Duration.ofHours(24), Duration.ofMinutes(10), 90, 365);

        public Limits {
            if (maxDays < 1 || maxDaysAhead < 0) {
                throw new IllegalArgumentException("an order reserves at least one day, from today at the earliest");
            }
        }
    }

    public PlaceOrder(Companies companies, Contacts contacts, Sales sales, SaleLines lines, VatRateTable vatRates,
                      Placements placements, PlacementPrices prices, Bookings bookings, Activities activities,
                      IdempotencyKeys keys, OrderFormPosts posts, PublicOrders orders, AuditTrail audit, Transactions tx, Clock clock,
                      Limits limits) {
        this(companies, contacts, sales, lines, vatRates, placements, prices, bookings, activities, keys, posts, orders, audit, tx, clock,
                limits, new SecureRandom());
    }

    /** As above, with the source of the order references' randomness (tests make it collide). */
    public PlaceOrder(Companies companies, Contacts contacts, Sales sales, SaleLines lines, VatRateTable vatRates,
                      Placements placements, PlacementPrices prices, Bookings bookings, Activities activities,
                      IdempotencyKeys keys, OrderFormPosts posts, PublicOrders orders, AuditTrail audit, Transactions tx, Clock clock,
                      Limits limits, RandomGenerator random) {
        this.orders = orders;
        this.random = random;
        this.customers = new OrderCustomer(companies, contacts);
        this.sales = sales;
        this.lines = lines;
        this.vatRates = vatRates;
        this.placements = placements;
        this.prices = prices;
        this.bookings = bookings;
        this.activities = activities;
        this.keys = keys;
        this.posts = posts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.limits = limits;
    }

    /** The form as posted; text is kept as given. */
    public record Form(String companyName, String organisationNumber, String contactName, String email, String phone,
                       Long placementId, LocalDate firstDay, LocalDate lastDay, String message) {
    }

    public static final int MAX_MESSAGE = 4000;

    /**
     * What the order made, as it is now. {@code bookingId} is null when the placement
     * was taken. The ids are for staff and tests; the public is told the
     * {@code reference} only.
     */
    public record Order(OrderReference reference, CompanyId companyId, ContactId contactId, SaleId saleId, BookingId bookingId,
                        ActivityId activityId, PlacementId placementId, String placementName, Period period, boolean taken,
                        List<Period> nearestFree, boolean replayed) {
    }

    public sealed interface Result permits Placed, Throttled {
    }

    public record Placed(Order order) implements Result {
    }

    public record Throttled(Duration retryAfter) implements Result {
    }

    public Result execute(Form form, String clientAddress, String idempotencyKey) {
        var now = clock.instant();
        var window = Duration.ofMinutes(1);
        var recent = tx.inTransaction(() -> {
            posts.record(clientAddress, now, now.minus(Duration.ofHours(1)));
            return posts.since(clientAddress, now.minus(window));
        });
        if (recent.count() > limits.postsPerMinute()) {
            return new Throttled(recent.until(now, window));
        }
        var checked = OrderForm.check(form, BusinessDays.dayOf(now), limits);
        String hash = hash(form);
        String key = idempotencyKey == null ? "content:" + hash : "key:" + idempotencyKey;
        Duration keptFor = idempotencyKey == null ? limits.sameContentWithin() : limits.keyKeptFor();
        try {
            return new Placed(tx.inTransaction(() -> place(checked, key, hash, keptFor)));
        } catch (ConflictException e) {
            if (!"company.organisation-number-taken".equals(e.code())) {
                throw e;
            }
            // another order registered the same organisation number a moment ago: it is found now
            return new Placed(tx.inTransaction(() -> place(checked, key, hash, keptFor)));
        }
    }

    private Order place(OrderForm.Checked c, String key, String hash, Duration keptFor) {
        var now = clock.instant();
        var earlier = keys.earlierOutcome(SCOPE, key, hash, keptFor, now, "This Idempotency-Key was used with a different order");
        if (earlier.isPresent()) {
            return replay(OrderOutcome.parse(earlier.get()), c);
        }
        var actor = Actor.publicForm();
        var events = new ArrayList<AuditEvent>();
        var placementId = new PlacementId(c.form().placementId());
        Placement placement = placements.lock(placementId).filter(Placement::active).orElseThrow(() ->
                new ValidationException("placementId", "order.placement-unknown", "There is no placement " + placementId.value()
                        + " for sale"));

        Company company = customers.company(c.company(), c.contact(), actor, now, events);
        Contact contact = customers.contact(company.getId(), c.contact(), actor, now, events);

        boolean free = bookings.overlapping(placementId, c.period()).isEmpty();
        Long seller = company.getResponsibleSellerId();
        String what = placement.name() + " " + c.period().firstDay() + "–" + c.period().lastDay();
        var sale = sales.add(Sale.open(company.getId(), seller, free ? SaleStage.ORDERED : SaleStage.LEAD, false,
                "Bestilling fra skjema: " + what, actor.auditName(), now));
        var reference = newReference(sale.getId(), now);
        var saleFields = new LinkedHashMap<String, Object>(sale.auditFields());
        saleFields.put("orderReference", reference.value());
        events.add(AuditEvent.created(actor, now, "sale", sale.getId(), saleFields));

        var price = PlacementPrice.on(prices.of(placementId), c.period().firstDay());
        if (price.isPresent()) {
            var line = lines.add(SaleLine.check(null, sale.getId(), new SaleLine.Input(placementId.value(), what,
                    java.math.BigDecimal.valueOf(placement.unitsIn(c.period())), SaleUnit.valueOf(placement.unit().name()),
                    price.get().unitPrice(), null, null, null, null), vatRates.rates(), BusinessDays.dayOf(now)));
            var fields = new LinkedHashMap<String, Object>(line.auditFields());
            fields.put("lineId", line.id());
            events.add(AuditEvent.of(actor, now, "sale", sale.getId(), "line-added", Map.of(), fields, null));
        }
        BookingId bookingId = null;
        if (free) {
            var booking = bookings.add(Booking.reserve(placementId, sale.getId(), c.period(), actor.auditName(), now));
            bookingId = booking.id();
            events.add(AuditEvent.created(actor, now, "booking", booking.id(), booking.auditFields()));
        }
        var activity = activities.add(Activity.log(company.getId(), ActivityKind.INCOMING_ORDER, Direction.INBOUND, now, actor,
                contact.getId(), shortened("Bestilling: " + what + (free ? "" : " (opptatt)"), Activity.MAX_SUBJECT),
                c.form().message(),
                new FollowUp(BusinessDays.dayOf(now), FollowUpStage.TO_DO, seller), now));
        events.add(AuditEvent.created(actor, now, "activity", activity.getId(), activity.auditFields()));

        var outcome = new OrderOutcome(reference, company.getId(), contact.getId(), sale.getId(), bookingId, activity.getId());
        keys.complete(SCOPE, key, outcome.format());
        events.forEach(audit::record); // the audit head is locked last, just before commit
        return order(outcome, placement, c.period(), false);
    }

    /** A fresh random reference stored with the sale; a collision (one in a trillion) draws again. */
    private OrderReference newReference(SaleId saleId, Instant now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            var reference = OrderReference.random(random);
            if (orders.add(saleId, reference, now)) {
                return reference;
            }
        }
        throw new IllegalStateException("no free order reference after 10 draws: is the random source broken?");
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Order replay(OrderOutcome outcome, OrderForm.Checked c) {
        var placementId = new PlacementId(c.form().placementId());
        var placement = placements.find(placementId).orElseThrow();
        var known = outcome.reference() != null ? outcome
                : outcome.withReference(orders.referenceOf(outcome.saleId()).orElseThrow(() -> new IllegalStateException(
                        "the order of sale " + outcome.saleId().value() + " has no reference")));
        return order(known, placement, c.period(), true);
    }

    private Order order(OrderOutcome o, Placement placement, Period period, boolean replayed) {
        boolean taken = o.bookingId() == null;
        List<Period> nearest = List.of();
        if (taken) {
            var today = BusinessDays.dayOf(clock.instant());
            var from = period.firstDay().minusDays(60).isBefore(today) ? today : period.firstDay().minusDays(60);
            var window = new Period(from, period.lastDay().plusDays(365));
            nearest = Availability.of(placement.id(), window, bookings.overlapping(placement.id(), window))
                    .nearestFree(period, NEAREST_FREE);
        }
        return new Order(o.reference(), o.companyId(), o.contactId(), o.saleId(), o.bookingId(), o.activityId(), placement.id(),
                placement.name(), period, taken, nearest, replayed);
    }

    /** The form's fields as posted, in order: what a replay without a key is recognised by. */
    static String hash(Form f) {
        return Fingerprint.of(f.companyName(), f.organisationNumber(), f.contactName(), f.email(), f.phone(), f.placementId(),
                f.firstDay(), f.lastDay(), f.message());
    }

}
