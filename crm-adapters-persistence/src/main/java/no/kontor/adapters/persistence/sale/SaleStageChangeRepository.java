package no.kontor.adapters.persistence.sale;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Insert and read only: the table refuses updates and deletes (V9). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SaleStageChangeRepository extends GenericRepository<SaleStageChangeEntity, Long> {

    SaleStageChangeEntity save(SaleStageChangeEntity change);

    List<SaleStageChangeEntity> findBySaleIdOrderById(Long saleId);
}
