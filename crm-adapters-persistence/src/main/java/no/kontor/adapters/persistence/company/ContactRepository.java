package no.kontor.adapters.persistence.company;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactRepository extends CrudRepository<ContactEntity, Long> {

    List<ContactEntity> findByCompanyIdOrderByName(Long companyId);

    List<ContactEntity> findByIdIn(java.util.Collection<Long> ids);

    @Query("SELECT * FROM contact WHERE lower(email) = lower(:email) AND NOT forgotten ORDER BY id LIMIT 1")
    Optional<ContactEntity> firstWithEmail(String email);
}
