package no.kontor.adapters.persistence.sale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Cursor;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.application.inventory.port.SaleStatus;
import no.kontor.application.sale.SaleFilter;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.Page;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.sale.StageChange;

@Singleton
public class JdbcSales implements Sales, SaleStatus {
    private final SaleRepository repository;
    private final SaleEntityMapper mapper;
    private final SaleStageChangeRepository stageChanges;
    private final Jdbc jdbc;

    public JdbcSales(SaleRepository repository, SaleEntityMapper mapper, SaleStageChangeRepository stageChanges, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.stageChanges = stageChanges;
        this.jdbc = jdbc;
    }

    @Override
    public Sale add(Sale sale) {
        var stored = mapper.toDomain(repository.save(mapper.toEntity(sale)));
        stageChanges.save(new SaleStageChangeEntity(null, stored.getId().value(), null, stored.getStage().name(), null,
                stored.getCreatedBy(), stored.getCreatedAt()));
        return stored;
    }

    @Override
    public Optional<Sale> find(SaleId id) {
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    @Override
    public Optional<Sale> lock(SaleId id) {
        return repository.findByIdForUpdate(id.value()).map(mapper::toDomain);
    }

    @Override
    public Sale update(Sale changed) {
        return VersionedUpdate.run("sale", changed.getId(), changed.getVersion(),
                () -> mapper.toDomain(repository.update(mapper.toEntity(changed))));
    }

    @Override
    public Page<Sale> list(SaleFilter filter, String cursor, int limit) {
        var where = new StringBuilder("TRUE");
        var params = new ArrayList<Object>();
        if (filter.companyId() != null) {
            where.append(" AND company_id = ?");
            params.add(filter.companyId().value());
        }
        if (filter.sellerId() != null) {
            where.append(" AND responsible_seller_id = ?");
            params.add(filter.sellerId());
        }
        if (filter.stage() != null) {
            where.append(" AND stage = ?");
            params.add(filter.stage().name());
        }
        if (filter.from() != null) {
            where.append(" AND created_at >= (?::date)::timestamp AT TIME ZONE 'Europe/Oslo'");
            params.add(filter.from().toString());
        }
        if (filter.to() != null) {
            where.append(" AND created_at < (?::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'");
            params.add(filter.to().toString());
        }
        if (Boolean.TRUE.equals(filter.uninvoiced())) {
            where.append(" AND invoice_id IS NULL");
        } else if (Boolean.FALSE.equals(filter.uninvoiced())) {
            where.append(" AND invoice_id IS NOT NULL");
        }
        if (filter.orderReference() != null) {
            where.append(" AND id = (SELECT sale_id FROM public_order WHERE reference = ?)");
            params.add(filter.orderReference().value());
        }
        if (cursor != null) {
            where.append(" AND id < ?");
            params.add(Cursor.read(cursor, "sales", 1, keys -> Long.parseLong(keys.get(0))));
        }
        params.add(limit + 1);
        var rows = jdbc.query("SELECT * FROM sale WHERE " + where + " ORDER BY id DESC LIMIT ?", params, JdbcSales::row);
        var items = rows.stream().limit(limit).map(mapper::toDomain).toList();
        return new Page<>(items, rows.size() > limit ? Cursor.encode("sales", items.get(items.size() - 1).getId().value()) : null);
    }

    private static SaleEntity row(ResultSet rs) throws SQLException {
        return new SaleEntity(rs.getLong("id"), rs.getLong("company_id"), Jdbc.nullableLong(rs, "responsible_seller_id"),
                rs.getString("stage"), rs.getString("stage_reason"), rs.getBoolean("barter"), rs.getString("description"),
                Jdbc.nullableLong(rs, "invoice_id"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"), rs.getLong("version"));
    }

    @Override
    public Sale changeStage(Sale changed, SaleStage from, String reason) {
        var stored = VersionedUpdate.run("sale", changed.getId(), changed.getVersion(),
                () -> mapper.toDomain(repository.update(mapper.toEntity(changed))));
        stageChanges.save(new SaleStageChangeEntity(null, stored.getId().value(), from.name(), stored.getStage().name(), reason,
                stored.getChangedBy(), stored.getChangedAt()));
        return stored;
    }

    private static final Keyset STAGE_HISTORY = Keyset.ascending("stage-history", Keyset.key("id", Keyset.Type.LONG));

    @Override
    public List<StageChange> history(SaleId id) {
        return stageChanges.findBySaleIdOrderById(id.value()).stream().map(JdbcSales::stageChange).toList();
    }

    @Override
    public Page<StageChange> history(SaleId id, String cursor, int limit) {
        return STAGE_HISTORY.page(jdbc, "SELECT * FROM sale_stage_change WHERE sale_id = ?", List.of(id.value()), cursor, limit,
                JdbcSales::stageChange);
    }

    private static StageChange stageChange(SaleStageChangeEntity e) {
        return new StageChange(e.fromStage() == null ? null : SaleStage.valueOf(e.fromStage()), SaleStage.valueOf(e.toStage()), e.reason(),
                e.changedBy(), e.changedAt());
    }

    /** The keyset page's rows (the house's Keyset pages by hand SQL over any query). */
    private static StageChange stageChange(ResultSet rs) throws SQLException {
        return new StageChange(rs.getString("from_stage") == null ? null : SaleStage.valueOf(rs.getString("from_stage")),
                SaleStage.valueOf(rs.getString("to_stage")), rs.getString("reason"), rs.getString("changed_by"),
                Jdbc.instant(rs, "changed_at"));
    }

    @Override
    public Optional<SaleStage> stageOf(SaleId saleId) {
        return jdbc.query("SELECT stage FROM sale WHERE id = ?", List.of(saleId.value()), rs -> SaleStage.valueOf(rs.getString(1)))
                .stream().findFirst();
    }
}
