package no.kontor.application.reporting;

import java.time.Clock;
import java.util.List;

import no.kontor.application.reporting.port.Dashboards;
import no.kontor.application.shared.Fingerprint;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.shared.NotFoundException;

/**
 * A published dashboard read through its link, without a staff login: a token that is
 * unknown, revoked or expired is not found — the same answer for each, so a guess learns
 * nothing. It shows that dashboard's figures and nothing else.
 */
public final class ReadSharedDashboard {
    public static final int MAX_TOKEN = 100;

    private final Dashboards dashboards;
    private final DashboardFigures figures;
    private final Transactions tx;
    private final Clock clock;

    public ReadSharedDashboard(Dashboards dashboards, DashboardFigures figures, Transactions tx, Clock clock) {
        this.dashboards = dashboards;
        this.figures = figures;
        this.tx = tx;
        this.clock = clock;
    }

    public record Shared(String name, List<DashboardFigures.Figure> figures) {
    }

    public Shared execute(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            throw new NotFoundException("dashboard link", "?");
        }
        var now = clock.instant();
        var link = tx.readOnly(() -> dashboards.linkByToken(Fingerprint.of(token))).filter(l -> l.worksAt(now))
                .orElseThrow(() -> new NotFoundException("dashboard link", "?"));
        var dashboard = tx.readOnly(() -> dashboards.find(link.dashboardId())).orElseThrow(() -> new NotFoundException("dashboard link", "?"));
        return new Shared(dashboard.name(), figures.of(ReportReaders.link(link.id()), dashboard));
    }
}
