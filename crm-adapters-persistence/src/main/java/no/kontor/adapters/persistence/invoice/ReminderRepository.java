package no.kontor.adapters.persistence.invoice;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Insert and read only: the table refuses updates and deletes (V9). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReminderRepository extends GenericRepository<ReminderEntity, Long> {

    ReminderEntity save(ReminderEntity reminder);

    Optional<ReminderEntity> findById(Long id);

    List<ReminderEntity> findByInvoiceIdOrderByNumber(Long invoiceId);
}
