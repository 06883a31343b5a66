package no.kontor.adapters.persistence.sale;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TimeEntryRepository extends CrudRepository<TimeEntryEntity, Long> {
}
