package no.kontor.adapters.persistence.sale;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.application.inventory.SaleStatus;
import no.kontor.application.sale.Sales;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;

@Singleton
public class JdbcSales implements Sales, SaleStatus {
    private final SaleRepository repository;
    private final SaleEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcSales(SaleRepository repository, SaleEntityMapper mapper, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Sale add(Sale sale) {
        var stored = mapper.toDomain(repository.save(mapper.toEntity(sale)));
        jdbc.update("INSERT INTO sale_stage_change (sale_id, from_stage, to_stage, changed_by, changed_at) VALUES (?, NULL, ?, ?, ?)",
                List.of(stored.getId().value(), stored.getStage().name(), stored.getCreatedBy(), stored.getCreatedAt()));
        return stored;
    }

    @Override
    public Optional<Sale> find(SaleId id) {
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    @Override
    public Sale changeStage(Sale changed, SaleStage from, String reason) {
        var stored = VersionedUpdate.run("sale", changed.getId(), changed.getVersion(),
                () -> mapper.toDomain(repository.update(mapper.toEntity(changed))));
        jdbc.update("INSERT INTO sale_stage_change (sale_id, from_stage, to_stage, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                java.util.Arrays.asList(stored.getId().value(), from.name(), stored.getStage().name(), reason, stored.getChangedBy(),
                        stored.getChangedAt()));
        return stored;
    }

    @Override
    public List<StageChange> history(SaleId id) {
        return jdbc.query("SELECT * FROM sale_stage_change WHERE sale_id = ? ORDER BY id", List.of(id.value()), rs -> new StageChange(
                rs.getString("from_stage") == null ? null : SaleStage.valueOf(rs.getString("from_stage")),
                SaleStage.valueOf(rs.getString("to_stage")), rs.getString("reason"), rs.getString("changed_by"),
                Jdbc.instant(rs, "changed_at")));
    }

    @Override
    public Optional<SaleStage> stageOf(SaleId saleId) {
        return jdbc.query("SELECT stage FROM sale WHERE id = ?", List.of(saleId.value()), rs -> SaleStage.valueOf(rs.getString(1)))
                .stream().findFirst();
    }
}
