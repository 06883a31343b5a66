package no.kontor.adapters.persistence.inventory;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The inventory's Micronaut Data repositories. */
public final class InventoryRepositories {
    private InventoryRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PlacementRepository extends CrudRepository<PlacementEntity, Long> {
        Optional<PlacementEntity> findByIdForUpdate(Long id);

        List<PlacementEntity> listOrderByName();

        List<PlacementEntity> findByIdIn(java.util.Collection<Long> ids);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface BookingRepository extends CrudRepository<BookingEntity, Long> {
        List<BookingEntity> findBySaleIdOrderByFirstDay(Long saleId);
    }
}
