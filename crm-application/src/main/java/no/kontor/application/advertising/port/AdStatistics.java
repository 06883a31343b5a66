package no.kontor.application.advertising.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.advertising.AdDay;
import no.kontor.application.advertising.AdImportIssue;
import no.kontor.application.advertising.AdStatisticsImport;
import no.kontor.application.advertising.BookingAdTotals;
import no.kontor.domain.advertising.AdServerKey;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.inventory.Period;

/**
 * The ad server's figures per booking and day, and where they belong: a placement is one of
 * the ad server's zones, a booking one of its banners (docs/decisions/ad-statistics.md). The
 * import is a use case over this port, so a live feed from the ad server can write through
 * it as a file does.
 */
public interface AdStatistics {

    /** A booking the ad server's figures may belong to: its company and its days. */
    record Target(long bookingId, long companyId, Period period) {
    }

    /** The active bookings of the placements that are these zones, by zone id. */
    Map<String, List<Target>> bookingsOfZones(Collection<String> zoneIds);

    /** The active booking that is each of these banners, by banner id. */
    Map<String, Target> bookingsOfBanners(Collection<String> bannerIds);

    /** An import begins (RUNNING), in a transaction of its own; returns its id. */
    long begin(AdServerKey.Kind kind, int lines, LocalDate firstDay, LocalDate lastDay, String actor, Instant at);

    /**
     * Writes the figures (a booking's day imported again is replaced, never added to) and the
     * issues, and finishes the import (DONE), all in the caller's transaction.
     */
    void finish(long importId, List<AdDay> figures, List<AdImportIssue> issues, Instant at);

    /** The import failed: nothing of it was written; its reason is kept. */
    void failed(long importId, String error, Instant at);

    Optional<AdStatisticsImport> findImport(long id);

    List<BookingAdTotals> totalsOf(CompanyId company);

    Optional<BookingAdTotals> totalsOfBooking(long bookingId);

    List<AdDay> days(long bookingId);

    /** A placement's revenue (net invoiced less credited on its billed lines) and impressions in a period. */
    record PlacementRevenue(long placementId, String placement, long revenue, long impressions) {
    }

    List<PlacementRevenue> revenueAndImpressions(LocalDate from, LocalDate to);

    /** The placement is the ad server's zone {@code zoneId} (null: none); false if no such placement. */
    boolean setZone(long placementId, String zoneId);

    /** The booking is the ad server's banner {@code bannerId} (null: none); false if no such booking. */
    boolean setBanner(long bookingId, String bannerId);
}
