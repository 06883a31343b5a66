package no.kontor.adapters.persistence.sale;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SaleLineRepository extends CrudRepository<SaleLineEntity, Long> {

    Optional<SaleLineEntity> findByIdAndSaleId(Long id, Long saleId);

    List<SaleLineEntity> findBySaleIdOrderById(Long saleId);

    List<SaleLineEntity> findBySaleIdInOrderBySaleIdAscAndIdAsc(Collection<Long> saleIds);

    long deleteByIdAndSaleId(Long id, Long saleId);
}
