package no.kontor.adapters.persistence.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.inventory.InventoryRepositories.BookingRepository;
import no.kontor.adapters.persistence.inventory.InventoryRepositories.PlacementRepository;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.Placements;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.shared.Page;

/**
 * Placements and bookings. The exclusion constraint {@code booking_no_overlap}
 * holds the promise; its violation (23P01) is the same conflict the use case
 * raises, never a 500. The transaction is aborted by then, so the clashing
 * booking cannot be looked up in it: the message says so plainly.
 */
@Singleton
public class JdbcInventory implements Placements, Bookings {
    private final PlacementRepository placements;
    private final BookingRepository bookings;
    private final InventoryEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcInventory(PlacementRepository placements, BookingRepository bookings, InventoryEntityMapper mapper, Jdbc jdbc) {
        this.placements = placements;
        this.bookings = bookings;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Placement add(Placement placement) {
        try {
            return mapper.toDomain(placements.save(mapper.toEntity(placement)));
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION, "placement_name")) {
                throw new ConflictException("placement.name-taken", "A placement named " + placement.name() + " exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Placement> find(PlacementId id) {
        return placements.findById(id.value()).map(mapper::toDomain);
    }

    @Override
    public Optional<Placement> lock(PlacementId id) {
        return placements.findByIdForUpdate(id.value()).map(mapper::toDomain);
    }

    @Override
    public List<Placement> all() {
        return placements.listOrderByName().stream().map(mapper::toDomain).toList();
    }

    private static final Keyset PLACEMENTS_BY_NAME = Keyset.ascending("placements", Keyset.key("name", Keyset.Type.TEXT),
            Keyset.key("id", Keyset.Type.LONG));
    private static final Keyset BOOKINGS_BY_FIRST_DAY = Keyset.ascending("bookings", Keyset.key("first_day", Keyset.Type.DATE),
            Keyset.key("id", Keyset.Type.LONG));

    @Override
    public Page<Placement> page(String cursor, int limit) {
        var ids = PLACEMENTS_BY_NAME.page(jdbc, "SELECT id, name FROM placement WHERE true", List.of(), cursor, limit,
                rs -> rs.getLong("id"));
        return Keyset.load(ids, wanted -> Keyset.inOrderOf(wanted, placements.findByIdIn(wanted), PlacementEntity::id).stream()
                .map(mapper::toDomain).toList());
    }

    @Override
    public Placement update(Placement placement) {
        try {
            return VersionedUpdate.run("placement", placement.id(), placement.version(),
                    () -> mapper.toDomain(placements.update(mapper.toEntity(placement))));
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION, "placement_name")) {
                throw new ConflictException("placement.name-taken", "A placement named " + placement.name() + " exists");
            }
            throw e;
        }
    }

    @Override
    public Booking add(Booking booking) {
        try {
            return mapper.toDomain(bookings.save(mapper.toEntity(booking)));
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.EXCLUSION_VIOLATION, "booking_no_overlap")) {
                throw new ConflictException("booking.conflict", "The placement " + booking.placementId()
                        + " is already booked for some of the days " + booking.period().firstDay() + "–" + booking.period().lastDay());
            }
            throw e;
        }
    }

    @Override
    public Optional<Booking> find(BookingId id) {
        return bookings.findById(id.value()).map(mapper::toDomain);
    }

    @Override
    public Booking update(Booking booking) {
        return VersionedUpdate.run("booking", booking.id(), booking.version(),
                () -> mapper.toDomain(bookings.update(mapper.toEntity(booking))));
    }

    @Override
    public List<Booking> overlapping(PlacementId placementId, Period period) {
        return active("placement_id = ? AND ", List.of(placementId.value()), period);
    }

    @Override
    public Map<PlacementId, List<Booking>> activeIn(Period window) {
        return active("", List.of(), window).stream()
                .collect(java.util.stream.Collectors.groupingBy(Booking::placementId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    /** Active bookings sharing a day with the period, on the exclusion constraint's GiST index. */
    private List<Booking> active(String filter, List<Object> params, Period period) {
        var all = new java.util.ArrayList<Object>(params);
        all.add(period.firstDay().toString());
        all.add(period.lastDay().toString());
        return jdbc.query("SELECT " + BOOKING_COLUMNS + " FROM booking WHERE " + filter
                + "status <> 'CANCELLED' AND period && daterange(?::date, ?::date, '[]') ORDER BY placement_id, first_day", all,
                this::booking);
    }

    private static final String BOOKING_COLUMNS = "id, placement_id, sale_id, first_day, last_day, status, created_by, created_at, "
            + "changed_by, changed_at, version";

    private Booking booking(java.sql.ResultSet rs) throws java.sql.SQLException {
        return mapper.toDomain(new BookingEntity(rs.getLong("id"), rs.getLong("placement_id"), rs.getLong("sale_id"),
                rs.getObject("first_day", java.time.LocalDate.class), rs.getObject("last_day", java.time.LocalDate.class),
                rs.getString("status"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"), rs.getLong("version")));
    }

    /**
     * Locks the booking and its sale in one statement ({@code FOR UPDATE OF b, s SKIP
     * LOCKED}): a booking whose row or sale another transaction holds (a seller
     * confirming it, or another node's job) is passed over this time.
     */
    @Override
    public Optional<Booking> lockNextUnconfirmed(String createdBy, java.time.Instant createdBefore, BookingId after) {
        return jdbc.query("SELECT b.id, b.placement_id, b.sale_id, b.first_day, b.last_day, b.status, b.created_by, b.created_at, "
                + "b.changed_by, b.changed_at, b.version FROM booking b JOIN sale s ON s.id = b.sale_id "
                + "WHERE b.status = 'RESERVED' AND b.created_by = ? AND b.created_at < ? AND b.id > ? "
                + "AND s.invoice_id IS NULL AND s.stage IN ('LEAD', 'OFFERED', 'ORDERED') "
                + "ORDER BY b.id LIMIT 1 FOR UPDATE OF b, s SKIP LOCKED",
                List.of(createdBy, createdBefore, after == null ? 0L : after.value()), this::booking).stream().findFirst();
    }

    @Override
    public Page<Booking> ofSale(SaleId saleId, String cursor, int limit) {
        return BOOKINGS_BY_FIRST_DAY.page(jdbc, "SELECT " + BOOKING_COLUMNS + " FROM booking WHERE sale_id = ?", List.of(saleId.value()),
                cursor, limit, this::booking);
    }

    @Override
    public List<Booking> ofSale(SaleId saleId) {
        return bookings.findBySaleIdOrderByFirstDay(saleId.value()).stream().map(mapper::toDomain).toList();
    }
}
