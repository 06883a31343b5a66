package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.KpiQueries;
import no.kontor.application.shared.Fingerprint;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryDashboards;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.reporting.Widget;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.NotFoundException;

/** Published dashboard links: the token is kept only as its hash; unknown, revoked and expired links are alike not found. */
class SharedDashboardTest {
    final TestClock clock = new TestClock(Instant.parse("2026-12-03T09:00:00Z"));
    final InMemoryDashboards dashboards = new InMemoryDashboards();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageDashboards manage = new ManageDashboards(dashboards, audit, new DirectTransactions(), clock);
    /** Books that know only freshness (no customers); anything else a link asks for fails the test. */
    final KpiQueries books = (KpiQueries) java.lang.reflect.Proxy.newProxyInstance(KpiQueries.class.getClassLoader(),
            new Class<?>[] {KpiQueries.class}, (proxy, method, args) -> {
                if (method.getName().equals("freshness")) {
                    return List.of();
                }
                throw new AssertionError("a FRESHNESS dashboard reads nothing but freshness");
            });
    final Kpis kpis = new Kpis(books, new DirectTransactions(), clock);
    final ReadSharedDashboard read = new ReadSharedDashboard(dashboards, new DashboardFigures(kpis, null, null, null, null, clock),
            new DirectTransactions(), clock);
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);

    long board() {
        return manage.create(manager, "Tavle", List.of(new Widget(Widget.Kind.FRESHNESS, null, null, null, null, null, null))).id();
    }

    @Test
    void aLinkKeepsOnlyItsTokensHashAndShowsItsDashboardAsTheLinkItself() {
        long board = board();
        var published = manage.publish(manager, board, null);
        assertThat(published.link().tokenSha256()).isEqualTo(Fingerprint.of(published.token())).doesNotContain(published.token());
        var shared = read.execute(published.token());
        assertThat(shared.name()).isEqualTo("Tavle");
        assertThat(shared.figures()).singleElement().satisfies(f -> assertThat(f.widget().kind()).isEqualTo(Widget.Kind.FRESHNESS));
    }

    @Test
    void anExpiredLinkIsNotFoundAndARevokedOneAtOnce() {
        long board = board();
        var expiring = manage.publish(manager, board, clock.instant().plus(Duration.ofHours(1)));
        var revoked = manage.publish(manager, board, null);
        read.execute(expiring.token());
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> read.execute(expiring.token())).isInstanceOf(NotFoundException.class);
        manage.revoke(manager, board, revoked.link().id());
        assertThatThrownBy(() -> read.execute(revoked.token())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> read.execute("nonsense")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> read.execute(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyManagersPublishAndTheLinkActorReadsNothingButReports() {
        long board = board();
        assertThatThrownBy(() -> manage.publish(Actor.staff(3, "selma", Role.SELLER), board, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> manage.all(ReportReaders.link(1))).as("a link cannot list dashboards").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new ExportPolicy().check(ReportReaders.link(1))).isInstanceOf(AccessDeniedException.class);
    }
}
