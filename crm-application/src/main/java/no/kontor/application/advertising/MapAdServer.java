package no.kontor.application.advertising;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.advertising.AdServerKey;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;

/** A manager says which of the ad server's zones a placement is, and which banner a booking is (null: none). Audited. */
public final class MapAdServer {
    private final AdStatistics statistics;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public MapAdServer(AdStatistics statistics, AuditTrail audit, Transactions tx, Clock clock) {
        this.statistics = statistics;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public void zone(Actor actor, long placementId, String zoneId) {
        actor.require(Role.MANAGER);
        String id = checked("zoneId", zoneId);
        tx.inTransaction(() -> {
            if (!statistics.setZone(placementId, id)) {
                throw new NotFoundException("placement", placementId);
            }
            audit.record(AuditEvent.of(actor, clock.instant(), "placement", placementId, "ad-zone-set", Map.of(), nullable("adZoneId", id), null));
            return null;
        });
    }

    public void banner(Actor actor, long bookingId, String bannerId) {
        actor.require(Role.MANAGER);
        String id = checked("bannerId", bannerId);
        tx.inTransaction(() -> {
            if (!statistics.setBanner(bookingId, id)) {
                throw new NotFoundException("booking", bookingId);
            }
            audit.record(AuditEvent.of(actor, clock.instant(), "booking", bookingId, "ad-banner-set", Map.of(), nullable("adBannerId", id),
                    null));
            return null;
        });
    }

    private static String checked(String field, String id) {
        if (id != null && !AdServerKey.isId(id)) {
            throw new ValidationException(field, "advertising.id-invalid", "An ad server id is 1–" + AdServerKey.MAX_ID
                    + " digits, not starting with 0");
        }
        return id;
    }

    private static Map<String, Object> nullable(String name, Object value) {
        var m = new HashMap<String, Object>();
        m.put(name, value);
        return m;
    }
}
