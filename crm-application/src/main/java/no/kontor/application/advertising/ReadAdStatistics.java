package no.kontor.application.advertising;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.application.shared.port.Transactions;
import no.kontor.application.reporting.ReportPeriod;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;

/**
 * The ad server's figures as staff read them: per booking of a company (totals and
 * click-through rate), per day of one booking, and for managers the revenue per thousand
 * impressions of each placement in a period.
 */
public final class ReadAdStatistics {
    private final AdStatistics statistics;
    private final Transactions tx;

    public ReadAdStatistics(AdStatistics statistics, Transactions tx) {
        this.statistics = statistics;
        this.tx = tx;
    }

    /** Clicks per hundred impressions, two decimals, half-up; null without impressions. */
    public static BigDecimal clickThroughRate(long clicks, long impressions) {
        return impressions == 0 ? null : BigDecimal.valueOf(clicks).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP);
    }

    public record BookingDays(BookingAdTotals totals, List<AdDay> days) {
    }

    public List<BookingAdTotals> ofCompany(Actor actor, CompanyId company) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> statistics.totalsOf(company));
    }

    public BookingDays ofBooking(Actor actor, long bookingId) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> new BookingDays(statistics.totalsOfBooking(bookingId)
                .orElseThrow(() -> new NotFoundException("booking", bookingId)), statistics.days(bookingId)));
    }

    /** A placement's revenue per thousand impressions: null without impressions. */
    public record RevenuePerMille(long placementId, String placement, long revenue, long impressions, Long revenuePerMille) {
    }

    public List<RevenuePerMille> revenuePerMille(Actor actor, LocalDate from, LocalDate to) {
        actor.require(Role.MANAGER);
        ReportPeriod.check(from, to);
        return tx.readOnly(() -> statistics.revenueAndImpressions(from, to).stream().map(r -> new RevenuePerMille(r.placementId(),
                r.placement(), r.revenue(), r.impressions(), r.impressions() == 0 ? null
                        : BigDecimal.valueOf(r.revenue()).multiply(BigDecimal.valueOf(1000))
                        .divide(BigDecimal.valueOf(r.impressions()), 0, RoundingMode.HALF_UP).longValueExact())).toList());
    }
}
