package no.kontor.application.reporting;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.ValidationException;

/**
 * Control lists of what should not be, for all staff (sellers read every figure,
 * docs/decisions/reports.md): orders not invoiced in time, and bookings holding days for a
 * lost or cancelled sale, prices that deviate, payments nobody claims.
 */
public final class ControlLists {
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 3650;
    public static final int MAX_PAGE = 500;

    private final ReportQueries queries;
    private final LedgerQueries ledger;
    private final Transactions tx;
    private final Clock clock;

    public ControlLists(ReportQueries queries, LedgerQueries ledger, Transactions tx, Clock clock) {
        this.queries = queries;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    /** Sales ordered more than {@code days} days ago (null: 30) and still on no invoice, the oldest first: all of them (an export). */
    public List<UninvoicedOrder> orderedNotInvoiced(Actor actor, Integer days) {
        actor.require(Role.SELLER);
        var before = orderedBefore(days);
        return tx.readOnly(() -> queries.orderedNotInvoiced(before));
    }

    /** The same, a page at a time (at most {@link #MAX_PAGE}): a large book has tens of thousands. */
    public Page<UninvoicedOrder> orderedNotInvoiced(Actor actor, Integer days, String cursor, int limit) {
        actor.require(Role.SELLER);
        var before = orderedBefore(days);
        return tx.readOnly(() -> queries.orderedNotInvoiced(before, cursor, Math.max(1, Math.min(limit, MAX_PAGE))));
    }

    private java.time.Instant orderedBefore(Integer days) {
        int n = days == null ? DEFAULT_DAYS : days;
        if (n < 0 || n > MAX_DAYS) {
            throw new ValidationException("days", "report.days-invalid", "days is 0–" + MAX_DAYS);
        }
        return clock.instant().minus(Duration.ofDays(n));
    }

    public List<StrayBooking> bookingsOfClosedSales(Actor actor) {
        actor.require(Role.SELLER);
        return tx.readOnly(queries::bookingsOfClosedSales);
    }

    /** Invoice lines of the period billed at a price other than the placement's price list on the day or the agreed sale. */
    public List<PriceDeviation> priceDeviations(Actor actor, java.time.LocalDate from, java.time.LocalDate to) {
        actor.require(Role.SELLER);
        ReportPeriod.check(from, to);
        return tx.readOnly(() -> ledger.priceDeviations(from, to));
    }

    /** Payments that no invoice claims, the oldest first. */
    public List<UnmatchedPayment> unmatchedPayments(Actor actor) {
        actor.require(Role.SELLER);
        return tx.readOnly(ledger::unmatchedPayments);
    }
}
