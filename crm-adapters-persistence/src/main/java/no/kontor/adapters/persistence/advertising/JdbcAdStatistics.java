package no.kontor.adapters.persistence.advertising;

import no.kontor.application.advertising.AdDay;
import no.kontor.application.advertising.AdImportIssue;
import no.kontor.application.advertising.AdStatisticsImport;
import no.kontor.application.advertising.BookingAdTotals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.domain.advertising.AdServerKey;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.shared.ConflictException;

/** The ad server's figures in {@code ad_statistic}, its imports and their issues, and the zone and banner ids on placements and bookings (V17). */
@Singleton
public class JdbcAdStatistics implements AdStatistics {
    /** The most issues an import's answer lists (all are counted and kept). */
    static final int ISSUES_SHOWN = 1000;
    private static final String TOTALS = "SELECT b.id, s.company_id, p.name, b.first_day, b.last_day, coalesce(sum(a.impressions), 0) AS impressions, "
            + "coalesce(sum(a.clicks), 0) AS clicks FROM booking b JOIN sale s ON s.id = b.sale_id JOIN placement p ON p.id = b.placement_id "
            + "LEFT JOIN ad_statistic a ON a.booking_id = b.id WHERE b.status <> 'CANCELLED' AND ";

    private final Jdbc jdbc;

    public JdbcAdStatistics(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static Target target(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Target(rs.getLong("id"), rs.getLong("company_id"), new Period(rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class)));
    }

    @Override
    public Map<String, List<Target>> bookingsOfZones(Collection<String> zoneIds) {
        var found = new LinkedHashMap<String, List<Target>>();
        jdbc.query("SELECT p.ad_zone_id AS key, b.id, s.company_id, b.first_day, b.last_day FROM placement p "
                        + "JOIN booking b ON b.placement_id = p.id JOIN sale s ON s.id = b.sale_id "
                        + "WHERE p.ad_zone_id = ANY (?::text[]) AND b.status <> 'CANCELLED' ORDER BY b.first_day",
                List.of((Object) zoneIds.toArray(new String[0])), rs -> Map.entry(rs.getString("key"), target(rs)))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return found;
    }

    @Override
    public Map<String, Target> bookingsOfBanners(Collection<String> bannerIds) {
        var found = new LinkedHashMap<String, Target>();
        jdbc.query("SELECT b.ad_banner_id AS key, b.id, s.company_id, b.first_day, b.last_day FROM booking b JOIN sale s ON s.id = b.sale_id "
                        + "WHERE b.ad_banner_id = ANY (?::text[]) AND b.status <> 'CANCELLED'",
                List.of((Object) bannerIds.toArray(new String[0])), rs -> Map.entry(rs.getString("key"), target(rs)))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    @Override
    public long begin(AdServerKey.Kind kind, int lines, LocalDate firstDay, LocalDate lastDay, String actor, Instant at) {
        return jdbc.query("INSERT INTO ad_statistics_import (status, key_kind, lines, first_day, last_day, imported_by, started_at) "
                + "VALUES ('RUNNING', ?, ?, ?, ?, ?, ?) RETURNING id", List.of(kind.name(), lines, firstDay, lastDay, actor, at),
                rs -> rs.getLong(1)).get(0);
    }

    @Override
    public void finish(long importId, List<AdDay> figures, List<AdImportIssue> issues, Instant at) {
        jdbc.update("INSERT INTO ad_statistic (booking_id, day, impressions, clicks, import_id) "
                        + "SELECT f.booking_id, f.day::date, f.impressions, f.clicks, ? FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[]) "
                        + "AS f(booking_id, day, impressions, clicks) ON CONFLICT (booking_id, day) DO UPDATE SET impressions = excluded.impressions, "
                        + "clicks = excluded.clicks, import_id = excluded.import_id",
                List.of(importId, figures.stream().map(AdDay::bookingId).toArray(Long[]::new),
                        figures.stream().map(f -> f.day().toString()).toArray(String[]::new),
                        figures.stream().map(AdDay::impressions).toArray(Long[]::new), figures.stream().map(AdDay::clicks).toArray(Long[]::new)));
        jdbc.update("INSERT INTO ad_statistics_import_issue (import_id, issue, ad_key, day, booking_id, impressions, clicks) "
                        + "SELECT ?, i.issue, i.ad_key, i.day::date, i.booking_id, i.impressions, i.clicks "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[]) "
                        + "AS i(issue, ad_key, day, booking_id, impressions, clicks)",
                List.of(importId, issues.stream().map(i -> i.kind().name()).toArray(String[]::new),
                        issues.stream().map(i -> i.key().id()).toArray(String[]::new), issues.stream().map(i -> i.day().toString()).toArray(String[]::new),
                        issues.stream().map(AdImportIssue::bookingId).toArray(Long[]::new), issues.stream().map(AdImportIssue::impressions).toArray(Long[]::new),
                        issues.stream().map(AdImportIssue::clicks).toArray(Long[]::new)));
        long unmatched = issues.stream().filter(i -> i.kind() == AdImportIssue.Kind.UNMATCHED).count();
        jdbc.update("UPDATE ad_statistics_import SET status = 'DONE', counted = ?, unmatched = ?, outside = ?, finished_at = ? WHERE id = ?",
                List.of(figures.size(), unmatched, issues.size() - unmatched, at, importId));
    }

    @Override
    public void failed(long importId, String error, Instant at) {
        jdbc.update("UPDATE ad_statistics_import SET status = 'FAILED', error = left(?, 1000), finished_at = ? WHERE id = ? AND status = 'RUNNING'",
                List.of(error, at, importId));
    }

    @Override
    public Optional<AdStatisticsImport> findImport(long id) {
        return jdbc.query("SELECT * FROM ad_statistics_import WHERE id = ?", List.of(id), rs -> {
            var kind = AdServerKey.Kind.valueOf(rs.getString("key_kind"));
            return new AdStatisticsImport(rs.getLong("id"), rs.getString("status"), kind, rs.getInt("lines"), rs.getObject("first_day", LocalDate.class),
                    rs.getObject("last_day", LocalDate.class), (Integer) rs.getObject("counted"), issues(id, kind), rs.getString("error"),
                    rs.getString("imported_by"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
        }).stream().findFirst();
    }

    private List<AdImportIssue> issues(long importId, AdServerKey.Kind kind) {
        return jdbc.query("SELECT issue, ad_key, day, booking_id, impressions, clicks FROM ad_statistics_import_issue WHERE import_id = ? "
                        + "ORDER BY day, ad_key LIMIT " + ISSUES_SHOWN, List.of(importId),
                rs -> new AdImportIssue(AdImportIssue.Kind.valueOf(rs.getString("issue")), new AdServerKey(kind, rs.getString("ad_key")),
                        rs.getObject("day", LocalDate.class), Jdbc.nullableLong(rs, "booking_id"), rs.getLong("impressions"), rs.getLong("clicks")));
    }

    private static BookingAdTotals totals(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BookingAdTotals(rs.getLong("id"), rs.getLong("company_id"), rs.getString("name"), new Period(rs.getObject("first_day",
                LocalDate.class), rs.getObject("last_day", LocalDate.class)), rs.getLong("impressions"), rs.getLong("clicks"));
    }

    @Override
    public List<BookingAdTotals> totalsOf(CompanyId company) {
        return jdbc.query(TOTALS + "s.company_id = ? GROUP BY b.id, s.company_id, p.name ORDER BY b.first_day DESC, b.id DESC",
                List.of(company.value()), JdbcAdStatistics::totals);
    }

    @Override
    public Optional<BookingAdTotals> totalsOfBooking(long bookingId) {
        return jdbc.query(TOTALS + "b.id = ? GROUP BY b.id, s.company_id, p.name", List.of(bookingId), JdbcAdStatistics::totals).stream()
                .findFirst();
    }

    @Override
    public List<AdDay> days(long bookingId) {
        return jdbc.query("SELECT booking_id, day, impressions, clicks FROM ad_statistic WHERE booking_id = ? ORDER BY day", List.of(bookingId),
                rs -> new AdDay(rs.getLong("booking_id"), rs.getObject("day", LocalDate.class), rs.getLong("impressions"), rs.getLong("clicks")));
    }

    /** Revenue from the billed lines of each placement issued in the period (V15), impressions of its bookings' days in it. */
    @Override
    public List<PlacementRevenue> revenueAndImpressions(LocalDate from, LocalDate to) {
        return jdbc.query("WITH revenue AS (SELECT placement_id, sum(CASE WHEN kind = 'INVOICE' THEN net ELSE -net END) AS revenue "
                        + "FROM billed_line WHERE issue_date BETWEEN ? AND ? AND placement_id IS NOT NULL GROUP BY 1), "
                        + "seen AS (SELECT b.placement_id, sum(a.impressions) AS impressions FROM ad_statistic a JOIN booking b ON b.id = a.booking_id "
                        + "WHERE a.day BETWEEN ? AND ? GROUP BY 1) "
                        + "SELECT p.id, p.name, coalesce(r.revenue, 0) AS revenue, coalesce(i.impressions, 0) AS impressions FROM placement p "
                        + "LEFT JOIN revenue r ON r.placement_id = p.id LEFT JOIN seen i ON i.placement_id = p.id "
                        + "WHERE r.revenue IS NOT NULL OR i.impressions IS NOT NULL ORDER BY p.name, p.id",
                List.of(from, to, from, to), rs -> new PlacementRevenue(rs.getLong("id"), rs.getString("name"), rs.getLong("revenue"),
                        rs.getLong("impressions")));
    }

    @Override
    public boolean setZone(long placementId, String zoneId) {
        try {
            return jdbc.update("UPDATE placement SET ad_zone_id = ? WHERE id = ?", Arrays.asList(zoneId, placementId)) == 1;
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION, "placement_ad_zone")) {
                throw new ConflictException("advertising.zone-taken", "Another placement is the ad server's zone " + zoneId);
            }
            throw e;
        }
    }

    @Override
    public boolean setBanner(long bookingId, String bannerId) {
        try {
            return jdbc.update("UPDATE booking SET ad_banner_id = ? WHERE id = ?", Arrays.asList(bannerId, bookingId)) == 1;
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION, "booking_ad_banner")) {
                throw new ConflictException("advertising.banner-taken", "Another active booking is the ad server's banner " + bannerId);
            }
            throw e;
        }
    }
}
