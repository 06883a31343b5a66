package no.kontor.adapters.persistence.sale;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatCategory;
import no.kontor.domain.shared.ConflictException;

/** Sale lines in plain SQL: numeric columns map to {@link BigDecimal} exactly. */
@Singleton
public class JdbcSaleLines implements SaleLines {
    private static final String COLUMNS = "id, sale_id, placement_id, description, quantity, unit, unit_price, discount_percent, "
            + "vat_category, vat_percent, exemption_reason";
    private final Jdbc jdbc;

    public JdbcSaleLines(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SaleLine add(SaleLine line) {
        long id = jdbc.query("INSERT INTO sale_line (sale_id, placement_id, description, quantity, unit, unit_price, discount_percent, "
                + "vat_category, vat_percent, exemption_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                values(line), rs -> rs.getLong(1)).get(0);
        return line.withId(id);
    }

    @Override
    public Optional<SaleLine> find(SaleId saleId, long lineId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sale_line WHERE sale_id = ? AND id = ?", List.of(saleId.value(), lineId),
                JdbcSaleLines::row).stream().findFirst();
    }

    @Override
    public SaleLine update(SaleLine line) {
        var params = new java.util.ArrayList<Object>(values(line).subList(1, 10));
        params.add(line.saleId().value());
        params.add(line.id());
        jdbc.update("UPDATE sale_line SET placement_id = ?, description = ?, quantity = ?, unit = ?, unit_price = ?, "
                + "discount_percent = ?, vat_category = ?, vat_percent = ?, exemption_reason = ? WHERE sale_id = ? AND id = ?", params);
        return line;
    }

    @Override
    public void remove(SaleId saleId, long lineId) {
        try {
            jdbc.update("DELETE FROM sale_line WHERE sale_id = ? AND id = ?", List.of(saleId.value(), lineId));
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.FOREIGN_KEY_VIOLATION, "time_entry")) {
                throw new ConflictException("line.has-time-entry", "The line " + lineId
                        + " is registered hours: remove the time entry, and its line goes with it");
            }
            throw e;
        }
    }

    @Override
    public List<SaleLine> ofSale(SaleId saleId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sale_line WHERE sale_id = ? ORDER BY id", List.of(saleId.value()),
                JdbcSaleLines::row);
    }

    @Override
    public Map<SaleId, List<SaleLine>> ofSales(Collection<SaleId> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = saleIds.stream().map(SaleId::value).toArray(Long[]::new);
        return jdbc.withStatement("SELECT " + COLUMNS + " FROM sale_line WHERE sale_id = ANY (?) ORDER BY sale_id, id", List.of(),
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids));
                    var rows = new java.util.ArrayList<SaleLine>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(row(rs));
                        }
                    }
                    return rows.stream().collect(Collectors.groupingBy(SaleLine::saleId, LinkedHashMap::new, Collectors.toList()));
                });
    }

    private static List<Object> values(SaleLine l) {
        return Arrays.asList(l.saleId().value(), l.placementId(), l.description(), l.quantity(), l.unit().name(), l.unitPrice(),
                l.discountPercent(), l.vatCategory().name(), l.vatPercent(), l.exemptionReason());
    }

    private static SaleLine row(ResultSet rs) throws SQLException {
        return new SaleLine(rs.getLong("id"), new SaleId(rs.getLong("sale_id")), Jdbc.nullableLong(rs, "placement_id"),
                rs.getString("description"), rs.getBigDecimal("quantity").stripTrailingZeros(), SaleUnit.valueOf(rs.getString("unit")),
                rs.getLong("unit_price"), rs.getBigDecimal("discount_percent").stripTrailingZeros(),
                VatCategory.valueOf(rs.getString("vat_category")), rs.getBigDecimal("vat_percent").stripTrailingZeros(),
                rs.getString("exemption_reason"));
    }
}
