package no.kontor.adapters.persistence.identity;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffUserRepository extends CrudRepository<StaffUserEntity, Long> {

    Optional<StaffUserEntity> findByUsername(String username);

    List<StaffUserEntity> listOrderByUsername();

    List<StaffUserEntity> findByIdIn(java.util.Collection<Long> ids);
}
