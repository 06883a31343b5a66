package no.kontor.adapters.persistence.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.shared.ConflictException;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.shared.Page;

@Singleton
public class JdbcPlacementPrices implements PlacementPrices {
    private final Jdbc jdbc;

    public JdbcPlacementPrices(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PlacementPrice add(PlacementPrice price, String actor, Instant at) {
        try {
            long id = jdbc.query("INSERT INTO placement_price (placement_id, valid_from, valid_to, unit_price, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", Arrays.asList(price.placementId().value(), price.validFrom(),
                    price.validTo(), price.unitPrice(), actor, at), rs -> rs.getLong(1)).get(0);
            return new PlacementPrice(id, price.placementId(), price.validFrom(), price.validTo(), price.unitPrice());
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.EXCLUSION_VIOLATION, "placement_price_no_overlap")) {
                throw new ConflictException("price.overlap", "Another price of the placement applies on some of these days");
            }
            throw e;
        }
    }

    private static final Keyset PAGED = Keyset.ascending("prices", Keyset.key("valid_from", Keyset.Type.DATE),
            Keyset.key("id", Keyset.Type.LONG));

    @Override
    public List<PlacementPrice> of(PlacementId placementId) {
        return jdbc.query("SELECT id, valid_from, valid_to, unit_price FROM placement_price WHERE placement_id = ? ORDER BY valid_from",
                List.of(placementId.value()), rs -> row(rs, placementId));
    }

    @Override
    public Page<PlacementPrice> page(PlacementId placementId, String cursor, int limit) {
        return PAGED.page(jdbc, "SELECT id, valid_from, valid_to, unit_price FROM placement_price WHERE placement_id = ?",
                List.of(placementId.value()), cursor, limit, rs -> row(rs, placementId));
    }

    private static PlacementPrice row(java.sql.ResultSet rs, PlacementId placementId) throws java.sql.SQLException {
        return new PlacementPrice(rs.getLong("id"), placementId, rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getLong("unit_price"));
    }
}
