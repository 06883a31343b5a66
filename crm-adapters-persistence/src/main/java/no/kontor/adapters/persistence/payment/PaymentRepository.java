package no.kontor.adapters.persistence.payment;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/**
 * Payments are inserted and read; the one change allowed is a partial UPDATE of a missing
 * invoice (the role's only column grant on the table), never a whole-entity update.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PaymentRepository extends GenericRepository<PaymentEntity, Long> {

    PaymentEntity save(PaymentEntity payment);

    Optional<PaymentEntity> findById(Long id);

    Optional<PaymentEntity> findByIdForUpdate(Long id);

    List<PaymentEntity> findByInvoiceIdOrderById(Long invoiceId);

    @Query("UPDATE payment SET invoice_id = :invoiceId WHERE id = :id AND invoice_id IS NULL")
    long assign(Long id, Long invoiceId);
}
