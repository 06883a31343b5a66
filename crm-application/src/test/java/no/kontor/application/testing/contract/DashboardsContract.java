package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.Dashboards;
import no.kontor.domain.reporting.Dashboard;
import no.kontor.domain.reporting.DashboardLink;
import no.kontor.domain.reporting.RelativePeriod;
import no.kontor.domain.reporting.Widget;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Dashboards} does: keeps widgets whole, changes at the version only, finds a link by its token's hash, revokes once. */
public abstract class DashboardsContract extends PortContract {
    static final List<Widget> WIDGETS = List.of(new Widget(Widget.Kind.FRESHNESS, null, null, null, null, null, null),
            new Widget(Widget.Kind.SALES, RelativePeriod.THIS_MONTH, "WEEK", "TEAM", null, null, null),
            new Widget(Widget.Kind.FUNNEL, RelativePeriod.LAST_30_DAYS, null, null, "Nord \"Øst\"", null, null),
            new Widget(Widget.Kind.ENGAGEMENT, RelativePeriod.THIS_YEAR, null, null, null, 9, null),
            new Widget(Widget.Kind.RESPONSE_TIMES, RelativePeriod.TODAY, null, null, null, null, true));

    @Test
    void aDashboardIsKeptWholeAndChangedAtItsVersionOnly() {
        var stored = tx(() -> port(Dashboards.class).add(Dashboard.create("Salg " + unique(), WIDGETS, "user:1", now())));
        assertThat(port(Dashboards.class).find(stored.id())).hasValueSatisfying(d -> assertThat(d.widgets()).isEqualTo(WIDGETS));
        var changed = tx(() -> port(Dashboards.class).update(stored.changedTo("Nytt navn", WIDGETS.subList(0, 1), "user:2", now())));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.widgets()).hasSize(1);
        assertThatThrownBy(() -> tx(() -> port(Dashboards.class).update(stored))).isInstanceOf(StaleVersionException.class);
        assertThat(port(Dashboards.class).all()).extracting(Dashboard::id).contains(stored.id());
    }

    @Test
    void aLinkIsFoundByItsTokensHashAndRevokedOnce() {
        var board = tx(() -> port(Dashboards.class).add(Dashboard.create("Tavle " + unique(), WIDGETS, "user:1", now())));
        var hash = sha256("token" + unique());
        var link = tx(() -> port(Dashboards.class).addLink(new DashboardLink(null, board.id(), hash, "user:1", now(), null, null, null)));
        var second = tx(() -> port(Dashboards.class).addLink(new DashboardLink(null, board.id(), sha256("other" + unique()), "user:1", now(),
                now().plusSeconds(3600), null, null)));
        assertThat(port(Dashboards.class).linkByToken(hash)).hasValueSatisfying(l -> assertThat(l.id()).isEqualTo(link.id()));
        assertThat(port(Dashboards.class).linkByToken(sha256("nobody"))).isEmpty();
        assertThat(port(Dashboards.class).links(board.id())).extracting(DashboardLink::id).containsExactly(second.id(), link.id());

        var at = now();
        run(() -> port(Dashboards.class).revoke(link.revoked("user:2", at)));
        run(() -> port(Dashboards.class).revoke(link.revoked("user:3", at.plusSeconds(60))));
        assertThat(port(Dashboards.class).link(link.id())).hasValueSatisfying(l -> {
            assertThat(l.revokedBy()).as("the first revocation stands").isEqualTo("user:2");
            assertThat(l.worksAt(at)).isFalse();
        });
        assertThat(port(Dashboards.class).link(second.id()).orElseThrow().worksAt(now())).isTrue();
    }
}
