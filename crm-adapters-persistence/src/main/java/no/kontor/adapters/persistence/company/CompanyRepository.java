package no.kontor.adapters.persistence.company;

import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CompanyRepository extends CrudRepository<CompanyEntity, Long> {

    Optional<CompanyEntity> findByIdForUpdate(Long id);

    Optional<Long> findIdByOrganisationNumber(String organisationNumber);
}
