package no.kontor.application.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.reporting.port.Dashboards;
import no.kontor.domain.reporting.Dashboard;
import no.kontor.domain.reporting.DashboardLink;
import no.kontor.domain.shared.StaleVersionException;

/** Dashboards and links in memory, as the tables keep them. */
public final class InMemoryDashboards implements Dashboards {
    private final Map<Long, Dashboard> boards = new LinkedHashMap<>();
    private final Map<Long, DashboardLink> links = new LinkedHashMap<>();
    private long next = 1;

    @Override
    public synchronized Dashboard add(Dashboard d) {
        var stored = new Dashboard(next++, d.name(), d.widgets(), d.createdBy(), d.createdAt(), d.changedBy(), d.changedAt(), 0);
        boards.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Dashboard> find(long id) {
        return Optional.ofNullable(boards.get(id));
    }

    @Override
    public synchronized Dashboard update(Dashboard d) {
        var current = boards.get(d.id());
        if (current == null || current.version() != d.version()) {
            throw new StaleVersionException("dashboard", d.id(), d.version());
        }
        var stored = new Dashboard(d.id(), d.name(), d.widgets(), d.createdBy(), d.createdAt(), d.changedBy(), d.changedAt(), d.version() + 1);
        boards.put(d.id(), stored);
        return stored;
    }

    @Override
    public synchronized List<Dashboard> all() {
        return boards.values().stream().sorted(Comparator.comparing(Dashboard::name).thenComparing(Dashboard::id)).toList();
    }

    @Override
    public synchronized DashboardLink addLink(DashboardLink l) {
        var stored = new DashboardLink(next++, l.dashboardId(), l.tokenSha256(), l.createdBy(), l.createdAt(), l.expiresAt(), null, null);
        links.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<DashboardLink> link(long id) {
        return Optional.ofNullable(links.get(id));
    }

    @Override
    public synchronized Optional<DashboardLink> linkByToken(String tokenSha256) {
        return links.values().stream().filter(l -> l.tokenSha256().equals(tokenSha256)).findFirst();
    }

    @Override
    public synchronized List<DashboardLink> links(long dashboardId) {
        return links.values().stream().filter(l -> l.dashboardId() == dashboardId)
                .sorted(Comparator.comparing(DashboardLink::id).reversed()).toList();
    }

    @Override
    public synchronized void revoke(DashboardLink revoked) {
        var current = links.get(revoked.id());
        if (current != null && current.revokedAt() == null) {
            links.put(revoked.id(), revoked);
        }
    }
}
