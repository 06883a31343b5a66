package no.kontor.domain.reporting;

import java.time.Instant;

/**
 * A published, read-only link to a dashboard. Only the SHA-256 of its token is kept; it works
 * until revoked or past its expiry.
 */
public record DashboardLink(Long id, long dashboardId, String tokenSha256, String createdBy, Instant createdAt, Instant expiresAt,
                            String revokedBy, Instant revokedAt) {

    public boolean worksAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public DashboardLink revoked(String by, Instant at) {
        return new DashboardLink(id, dashboardId, tokenSha256, createdBy, createdAt, expiresAt, by, at);
    }
}
