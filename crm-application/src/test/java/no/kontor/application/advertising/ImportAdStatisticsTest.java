package no.kontor.application.advertising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.advertising.AdServerKey;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ValidationException;

/**
 * The import's matching on canned bookings (the port's SQL is proven on PostgreSQL): a zone's
 * row goes to the booking of that placement on that day, a banner's to its booking; a row no
 * booking has is UNMATCHED, one on a day its booking does not run is OUTSIDE and not counted.
 */
class ImportAdStatisticsTest {
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final Canned port = new Canned();
    final ImportAdStatistics imports = new ImportAdStatistics(port, audit, new DirectTransactions(), new TestClock(
            Instant.parse("2026-12-01T08:00:00Z")), Runnable::run);

    /** Zone 7 is a placement booked 1–3 Nov (booking 10) and 5–6 Nov (booking 11); banner 12 is booking 20 for 1–2 Nov. */
    static final class Canned implements AdStatistics {
        List<AdDay> figures;
        List<AdImportIssue> issues;
        String failed;

        @Override
        public Map<String, List<Target>> bookingsOfZones(Collection<String> zoneIds) {
            return zoneIds.contains("7") ? Map.of("7", List.of(new Target(10, 1, new Period(NOV_1, NOV_1.plusDays(2))),
                    new Target(11, 1, new Period(NOV_1.plusDays(4), NOV_1.plusDays(5))))) : Map.of();
        }

        @Override
        public Map<String, Target> bookingsOfBanners(Collection<String> bannerIds) {
            return bannerIds.contains("12") ? Map.of("12", new Target(20, 1, new Period(NOV_1, NOV_1.plusDays(1)))) : Map.of();
        }

        @Override
        public long begin(AdServerKey.Kind kind, int lines, LocalDate firstDay, LocalDate lastDay, String actor, Instant at) {
            return 99;
        }

        @Override
        public void finish(long importId, List<AdDay> figures, List<AdImportIssue> issues, Instant at) {
            this.figures = new ArrayList<>(figures);
            this.issues = new ArrayList<>(issues);
        }

        @Override
        public void failed(long importId, String error, Instant at) {
            failed = error;
        }

        @Override
        public Optional<AdStatisticsImport> findImport(long id) {
            return Optional.empty();
        }

        @Override
        public List<BookingAdTotals> totalsOf(CompanyId company) {
            throw new AssertionError("not read");
        }

        @Override
        public Optional<BookingAdTotals> totalsOfBooking(long bookingId) {
            throw new AssertionError("not read");
        }

        @Override
        public List<AdDay> days(long bookingId) {
            throw new AssertionError("not read");
        }

        @Override
        public List<PlacementRevenue> revenueAndImpressions(LocalDate from, LocalDate to) {
            throw new AssertionError("not read");
        }

        @Override
        public boolean setZone(long placementId, String zoneId) {
            throw new AssertionError("not written");
        }

        @Override
        public boolean setBanner(long bookingId, String bannerId) {
            throw new AssertionError("not written");
        }
    }

    @Test
    void aZonesRowsGoToThePlacementsBookingOfTheDayAndTheRestIsReported() {
        var started = imports.start(manager, "Day,Zone ID,Impressions,Clicks\n2026-11-01,7,1000,10\n2026-11-04,7,500,1\n"
                + "2026-11-05,7,800,8\n2026-11-01,8,50,0\n");
        assertThat(started.rows()).isEqualTo(4);
        assertThat(port.figures).containsExactly(new AdDay(10, NOV_1, 1000, 10), new AdDay(11, NOV_1.plusDays(4),
                800, 8));
        assertThat(port.issues).extracting(AdImportIssue::kind, i -> i.key().id(), AdImportIssue::day, AdImportIssue::bookingId)
                .containsExactly(tuple(AdImportIssue.Kind.OUTSIDE, "7", NOV_1.plusDays(3), null),
                        tuple(AdImportIssue.Kind.UNMATCHED, "8", NOV_1, null));
        assertThat(audit.of(ImportAdStatistics.RECORD_TYPE, 99)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("imported");
            assertThat(e.changes().get("counted").after()).isEqualTo(2);
            assertThat(e.changes().get("unmatched").after()).isEqualTo(1L);
            assertThat(e.changes().get("outside").after()).isEqualTo(1L);
        });
    }

    @Test
    void aBannersRowOnADayItsBookingDoesNotRunIsReportedWithTheBooking() {
        imports.start(manager, "Day,Banner ID,Impressions,Clicks\n01.11.2026,12,100,3\n03.11.2026,12,90,2\n");
        assertThat(port.figures).containsExactly(new AdDay(20, NOV_1, 100, 3));
        assertThat(port.issues).extracting(AdImportIssue::kind, AdImportIssue::bookingId, AdImportIssue::impressions)
                .containsExactly(tuple(AdImportIssue.Kind.OUTSIDE, 20L, 90L));
    }

    @Test
    void aBadFileIsRefusedWholeBeforeAnythingStartsAndOnlyManagersImport() {
        assertThatThrownBy(() -> imports.start(manager, "Day,Banner ID,Impressions,Clicks\n2026-11-01,12,-1,0\n"))
                .isInstanceOf(ValidationException.class);
        assertThat(port.figures).isNull();
        assertThatThrownBy(() -> imports.start(Actor.staff(3, "selma", Role.SELLER), "Day,Banner ID,Impressions,Clicks\n2026-11-01,12,1,0\n"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void clickThroughRateIsClicksPerHundredImpressions() {
        assertThat(ReadAdStatistics.clickThroughRate(7, 1000)).isEqualByComparingTo("0.70");
        assertThat(ReadAdStatistics.clickThroughRate(1, 3)).isEqualByComparingTo("33.33");
        assertThat(ReadAdStatistics.clickThroughRate(0, 0)).isNull();
    }
}
