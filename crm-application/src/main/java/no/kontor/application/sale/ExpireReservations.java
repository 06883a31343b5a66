package no.kontor.application.sale;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.activity.port.Activities;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.application.sale.port.Sales;

/**
 * A reservation made by the public order form that no one on the staff confirmed
 * within {@code reservedFor} expires: its booking is cancelled (the days are free
 * again), its sale goes back to a lead, and the company's timeline says so. A sale
 * that is on an invoice is never touched. Each reservation is its own transaction,
 * audited as {@code system:reservation-expiry}; the bookings are claimed with
 * SKIP LOCKED, so the job may run on every node at once and each reservation still
 * expires once.
 */
public final class ExpireReservations {
    public static final String JOB = "reservation-expiry";
    private static final int PER_RUN = 500;

    private final Bookings bookings;
    private final Placements placements;
    private final Sales sales;
    private final Activities activities;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final Duration reservedFor;

    public ExpireReservations(Bookings bookings, Placements placements, Sales sales, Activities activities, AuditTrail audit,
                              Transactions tx, Clock clock, Duration reservedFor) {
        if (reservedFor.isNegative() || reservedFor.isZero()) {
            throw new IllegalArgumentException("a reservation is kept for some time: " + reservedFor);
        }
        this.bookings = bookings;
        this.placements = placements;
        this.sales = sales;
        this.activities = activities;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.reservedFor = reservedFor;
    }

    /** What one run did; {@code failed} were left for the next run (each failure rolled back alone). */
    public record Run(int expired, int failed) {
    }

    /** Expires every reservation that is due now (at most a few hundred a run). */
    public Run run() {
        var actor = Actor.system(JOB);
        var cutoff = clock.instant().minus(reservedFor);
        int expired = 0;
        int failed = 0;
        BookingId after = null;
        for (int i = 0; i < PER_RUN; i++) {
            var claimed = new BookingId[1];
            try {
                final BookingId from = after;
                Optional<BookingId> done = tx.inTransaction(() -> {
                    var next = bookings.lockNextUnconfirmed(Actor.publicForm().auditName(), cutoff, from);
                    next.ifPresent(b -> {
                        claimed[0] = b.id();
                        expire(actor, b);
                    });
                    return next.map(Booking::id);
                });
                if (done.isEmpty()) {
                    break;
                }
                after = done.get();
                expired++;
            } catch (RuntimeException e) {
                if (claimed[0] == null) {
                    throw e; // the claim itself failed: the database is not there, try next round
                }
                after = claimed[0];
                failed++;
            }
        }
        return new Run(expired, failed);
    }

    private void expire(Actor actor, Booking booking) {
        var now = clock.instant();
        var sale = sales.lock(booking.saleId()).orElseThrow();
        sale.requireChangeable(); // on an invoice or closed: the claim does not offer it, and this holds if it did
        var cancelled = bookings.update(booking.cancel(actor.auditName(), now));
        var events = new ArrayList<AuditEvent>();
        events.add(AuditEvent.changed(actor, now, "booking", booking.id(), booking.auditFields(), cancelled.auditFields()));

        long days = reservedFor.toDays();
        String placement = placements.find(booking.placementId()).map(p -> p.name()).orElse("plassering " + booking.placementId());
        String what = placement + " " + booking.period().firstDay() + "–" + booking.period().lastDay();
        String reason = "Reservasjonen utløp: ikke bekreftet innen " + (days > 0 ? days + " dager" : reservedFor.toString());
        if (sale.getStage() != SaleStage.LEAD) {
            sales.changeStage(sale.backToLead(reason, actor.auditName(), now), sale.getStage(), reason);
            events.add(AuditEvent.of(actor, now, "sale", sale.getId(), "stage-changed", Map.of("stage", sale.getStage().name()),
                    Map.of("stage", SaleStage.LEAD.name(), "reason", reason), null));
        }
        var activity = activities.add(Activity.log(sale.getCompanyId(), ActivityKind.NOTE, Direction.OUTBOUND, now, actor, null,
                shortened("Reservasjon utløpt: " + what, Activity.MAX_SUBJECT),
                reason + ". Bookingen er kansellert og dagene er ledige igjen; salget er tilbake på LEAD.", null, now));
        events.add(AuditEvent.created(actor, now, "activity", activity.getId(), activity.auditFields()));
        events.forEach(audit::record); // the audit head last, just before commit
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
