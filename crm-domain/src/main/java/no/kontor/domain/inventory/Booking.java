package no.kontor.domain.inventory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ConflictException;

/** One placement reserved for a period for a sale: reserved → confirmed, or cancelled (which frees its days). */
public record Booking(BookingId id, PlacementId placementId, SaleId saleId, Period period, Status status,
                      String createdBy, Instant createdAt, String changedBy, Instant changedAt, long version) {

    public enum Status { RESERVED, CONFIRMED, CANCELLED }

    public Booking {
        Objects.requireNonNull(placementId, "placementId");
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
    }

    public static Booking reserve(PlacementId placementId, SaleId saleId, Period period, String actor, Instant now) {
        return new Booking(null, placementId, saleId, period, Status.RESERVED, actor, now, actor, now, 0);
    }

    public Booking confirm(String actor, Instant now) {
        if (status != Status.RESERVED) {
            throw new ConflictException("booking.not-reserved", "Only a reserved booking can be confirmed; this one is " + status);
        }
        return moved(Status.CONFIRMED, actor, now);
    }

    public Booking cancel(String actor, Instant now) {
        if (status == Status.CANCELLED) {
            throw new ConflictException("booking.already-cancelled", "The booking " + id + " is already cancelled");
        }
        return moved(Status.CANCELLED, actor, now);
    }

    private Booking moved(Status next, String actor, Instant now) {
        return new Booking(id, placementId, saleId, period, next, createdBy, createdAt, actor, now, version);
    }

    public Booking withId(BookingId newId) {
        return new Booking(newId, placementId, saleId, period, status, createdBy, createdAt, changedBy, changedAt, version);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("placementId", placementId.value());
        m.put("saleId", saleId.value());
        m.put("firstDay", period.firstDay().toString());
        m.put("lastDay", period.lastDay().toString());
        m.put("status", status.name());
        return m;
    }
}
