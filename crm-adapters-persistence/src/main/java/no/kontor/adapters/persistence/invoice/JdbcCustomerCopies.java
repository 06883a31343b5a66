package no.kontor.adapters.persistence.invoice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.port.CustomerCopies;
import no.kontor.domain.invoice.InvoiceId;

/** Customers' copies in {@code customer_copy} (V16): one per document, replaced by a new PIN's, removed once delivered. */
@Singleton
public class JdbcCustomerCopies implements CustomerCopies {
    private final Jdbc jdbc;

    public JdbcCustomerCopies(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(InvoiceId id, byte[] pdf, byte[] preprinted, Instant renderedAt, Instant expiresAt) {
        jdbc.update("INSERT INTO customer_copy (invoice_id, pdf, pdf_preprinted, rendered_at, expires_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (invoice_id) DO UPDATE SET pdf = excluded.pdf, pdf_preprinted = excluded.pdf_preprinted, "
                + "rendered_at = excluded.rendered_at, expires_at = excluded.expires_at", List.of(id.value(), pdf, preprinted, renderedAt, expiresAt));
    }

    @Override
    public Optional<byte[]> find(InvoiceId id, Giro giro) {
        String column = giro == Giro.PREPRINTED ? "pdf_preprinted" : "pdf";
        return jdbc.query("SELECT " + column + " FROM customer_copy WHERE invoice_id = ?", List.of(id.value()), rs -> rs.getBytes(1))
                .stream().findFirst();
    }

    @Override
    public boolean exists(InvoiceId id) {
        return jdbc.query("SELECT EXISTS (SELECT 1 FROM customer_copy WHERE invoice_id = ?)", List.of(id.value()), rs -> rs.getBoolean(1))
                .get(0);
    }

    @Override
    public boolean remove(InvoiceId id) {
        return jdbc.update("DELETE FROM customer_copy WHERE invoice_id = ?", List.of(id.value())) == 1;
    }

    @Override
    public int removeExpired(Instant now) {
        return jdbc.update("DELETE FROM customer_copy WHERE expires_at <= ?", List.of(now));
    }
}
