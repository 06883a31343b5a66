package no.kontor.application.reporting.port;

import java.util.List;
import java.util.Optional;

import no.kontor.domain.reporting.Dashboard;
import no.kontor.domain.reporting.DashboardLink;

/** Where dashboards and their published links are kept. */
public interface Dashboards {

    Dashboard add(Dashboard dashboard);

    Optional<Dashboard> find(long id);

    /** Stores a changed dashboard if its version is still the stored one (StaleVersionException otherwise). */
    Dashboard update(Dashboard dashboard);

    /** Every dashboard, by name. */
    List<Dashboard> all();

    DashboardLink addLink(DashboardLink link);

    Optional<DashboardLink> link(long id);

    /** The link whose token hashes to {@code tokenSha256}, revoked or not. */
    Optional<DashboardLink> linkByToken(String tokenSha256);

    /** A dashboard's links, newest first. */
    List<DashboardLink> links(long dashboardId);

    /** Records a link's revocation; a link already revoked stays as it was. */
    void revoke(DashboardLink revoked);
}
