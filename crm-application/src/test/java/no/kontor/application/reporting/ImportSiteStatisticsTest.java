package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemorySiteStatistics;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.reporting.SiteStatistic;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ValidationException;

/** A manager imports the site's statistics: audited, a day replaced on re-import, a bad file leaves nothing behind. */
class ImportSiteStatisticsTest {
    final InMemorySiteStatistics statistics = new InMemorySiteStatistics();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ImportSiteStatistics imports = new ImportSiteStatistics(statistics, audit, new DirectTransactions(),
            new TestClock(Instant.parse("2026-12-03T09:00:00Z")));
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);
    static final String HEADER = "date;channel;articles;page_views\n";

    @Test
    void anImportIsCountedAndAuditedAndADayImportedAgainIsReplaced() {
        var first = imports.fromFile(manager, HEADER + "2026-11-01;Sport;4;1000\n2026-11-02;Sport;5;1100\n");
        assertThat(first.lines()).isEqualTo(2);
        assertThat(first.days()).isEqualTo(2);
        assertThat(first.pageViews()).isEqualTo(2100);
        imports.fromFile(manager, HEADER + "2026-11-01;Sport;6;1500\n");

        assertThat(statistics.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2))).containsExactly(
                new SiteStatistic(LocalDate.of(2026, 11, 1), "Sport", 6, 1500), new SiteStatistic(LocalDate.of(2026, 11, 2), "Sport", 5, 1100));
        assertThat(audit.events()).hasSize(2).allSatisfy(e -> {
            assertThat(e.recordType()).isEqualTo("site-statistics-import");
            assertThat(e.actor()).isEqualTo("user:2");
        });
    }

    @Test
    void aSellerMayNotImportAndABadFileLeavesNothing() {
        assertThatThrownBy(() -> imports.fromFile(Actor.staff(3, "selma", Role.SELLER), HEADER + "2026-11-01;Sport;4;1000\n"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.fromFile(manager, HEADER + "2026-11-01;Sport;4;1000\n2026-11-02;Sport;x;1\n"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> imports.fromFile(manager, HEADER)).isInstanceOf(ValidationException.class);
        assertThat(statistics.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(audit.events()).isEmpty();
    }
}
