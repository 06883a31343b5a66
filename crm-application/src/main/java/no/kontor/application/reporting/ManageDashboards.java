package no.kontor.application.reporting;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.reporting.port.Dashboards;
import no.kontor.application.shared.Fingerprint;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.reporting.Dashboard;
import no.kontor.domain.reporting.DashboardLink;
import no.kontor.domain.reporting.Widget;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;

/**
 * Dashboards: every member of staff opens them; managers save them and publish them as
 * read-only links — a random token (256 bits) shown once, kept only as its SHA-256,
 * revocable, optionally expiring; creating and revoking a link are audited.
 */
public final class ManageDashboards {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dashboards dashboards;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ManageDashboards(Dashboards dashboards, AuditTrail audit, Transactions tx, Clock clock) {
        this.dashboards = dashboards;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Dashboard create(Actor actor, String name, List<Widget> widgets) {
        actor.require(Role.MANAGER);
        DashboardFigures.checkFilters(widgets);
        return tx.inTransaction(() -> {
            var now = now();
            var stored = dashboards.add(Dashboard.create(name, widgets, actor.auditName(), now));
            audit.record(AuditEvent.created(actor, now, "dashboard", stored.id(), stored.auditFields()));
            return stored;
        });
    }

    public Dashboard change(Actor actor, long id, long version, String name, List<Widget> widgets) {
        actor.require(Role.MANAGER);
        DashboardFigures.checkFilters(widgets);
        return tx.inTransaction(() -> {
            var current = dashboards.find(id).orElseThrow(() -> new NotFoundException("dashboard", id));
            if (current.version() != version) {
                throw new StaleVersionException("dashboard", id, version);
            }
            var now = now();
            var changed = dashboards.update(current.changedTo(name, widgets, actor.auditName(), now));
            audit.record(AuditEvent.changed(actor, now, "dashboard", id, current.auditFields(), changed.auditFields()));
            return changed;
        });
    }

    public List<Dashboard> all(Actor actor) {
        actor.require(Role.SELLER);
        return tx.readOnly(dashboards::all);
    }

    public Dashboard one(Actor actor, long id) {
        actor.require(Role.SELLER);
        return tx.readOnly(() -> dashboards.find(id).orElseThrow(() -> new NotFoundException("dashboard", id)));
    }

    /** A link just published: the token is shown now and never again. */
    public record Published(DashboardLink link, String token) {
    }

    /** @param expiresAt null: the link works until revoked; else a time in the future */
    public Published publish(Actor actor, long dashboardId, Instant expiresAt) {
        actor.require(Role.MANAGER);
        var now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ValidationException("expiresAt", "dashboard.link-expiry-past", "A link's expiry lies in the future");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return tx.inTransaction(() -> {
            dashboards.find(dashboardId).orElseThrow(() -> new NotFoundException("dashboard", dashboardId));
            var link = dashboards.addLink(new DashboardLink(null, dashboardId, Fingerprint.of(token), actor.auditName(), now,
                    expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS), null, null));
            audit.record(AuditEvent.created(actor, now, "dashboard-link", link.id(), Map.of("dashboardId", dashboardId,
                    "expiresAt", String.valueOf(link.expiresAt()))));
            return new Published(link, token);
        });
    }

    public List<DashboardLink> links(Actor actor, long dashboardId) {
        actor.require(Role.MANAGER);
        return tx.readOnly(() -> {
            dashboards.find(dashboardId).orElseThrow(() -> new NotFoundException("dashboard", dashboardId));
            return dashboards.links(dashboardId);
        });
    }

    /** Revokes a link at once; revoking it again changes nothing and is not audited again. */
    public void revoke(Actor actor, long dashboardId, long linkId) {
        actor.require(Role.MANAGER);
        tx.inTransaction(() -> {
            var link = dashboards.link(linkId).filter(l -> l.dashboardId() == dashboardId)
                    .orElseThrow(() -> new NotFoundException("dashboard link", linkId));
            if (link.revokedAt() == null) {
                var now = now();
                dashboards.revoke(link.revoked(actor.auditName(), now));
                audit.record(AuditEvent.of(actor, now, "dashboard-link", linkId, "revoked", Map.of("revoked", false),
                        Map.of("revoked", true), null));
            }
            return null;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
