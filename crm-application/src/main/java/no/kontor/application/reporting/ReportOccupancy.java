package no.kontor.application.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;

/**
 * Occupancy per placement for a period: booked days ÷ days on sale, in percent with one
 * decimal. Kontor keeps no history of a placement's active flag, so the days on sale are the
 * period's days for a placement that is active today and none for one that is not (its
 * booked days are still shown) — docs/decisions/occupancy.md.
 */
public final class ReportOccupancy {
    private final ReportQueries queries;
    private final Transactions tx;

    public ReportOccupancy(ReportQueries queries, Transactions tx) {
        this.queries = queries;
        this.tx = tx;
    }

    public record Occupancy(LocalDate from, LocalDate to, List<Row> placements) {
    }

    /** {@code percent} is null when the placement had no days on sale. */
    public record Row(long placementId, String name, boolean active, long daysOnSale, long bookedDays, BigDecimal percent) {
    }

    public Occupancy execute(Actor actor, LocalDate from, LocalDate to) {
        ReportReaders.require(actor);
        ReportPeriod.check(from, to);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return tx.readOnly(() -> new Occupancy(from, to, queries.bookedDays(from, to).stream().map(p -> {
            long onSale = p.active() ? days : 0;
            var percent = onSale == 0 ? null
                    : BigDecimal.valueOf(p.bookedDays() * 100).divide(BigDecimal.valueOf(onSale), 1, RoundingMode.HALF_UP);
            return new Row(p.placementId(), p.name(), p.active(), onSale, p.bookedDays(), percent);
        }).toList()));
    }
}
