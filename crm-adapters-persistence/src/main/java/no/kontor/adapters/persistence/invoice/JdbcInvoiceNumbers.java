package no.kontor.adapters.persistence.invoice;

import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.invoice.port.InvoiceNumbers;

/**
 * The series as one counter row: the UPDATE locks it until the issuing transaction
 * ends, and a rollback undoes the increment, so numbers never skip (docs/decisions/invoice-series.md).
 */
@Singleton
public class JdbcInvoiceNumbers implements InvoiceNumbers {
    private final Jdbc jdbc;

    public JdbcInvoiceNumbers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next() {
        return jdbc.query("UPDATE invoice_series SET next_no = next_no + 1 WHERE id = 1 RETURNING next_no - 1", List.of(),
                rs -> rs.getLong(1)).get(0);
    }
}
