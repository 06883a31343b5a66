package no.kontor.application.testing;

import java.time.Instant;
import java.util.Optional;

import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.port.CustomerCopies;
import no.kontor.domain.invoice.InvoiceId;

/** Customers' copies in memory, as {@code customer_copy} keeps them. */
public final class InMemoryCustomerCopies extends InMemoryStore<InMemoryCustomerCopies.Row> implements CustomerCopies {
    public record Row(byte[] pdf, byte[] preprinted, Instant renderedAt, Instant expiresAt) {
    }

    @Override
    public void store(InvoiceId id, byte[] pdf, byte[] preprinted, Instant renderedAt, Instant expiresAt) {
        synchronized (rows) {
            rows.put(id.value(), new Row(pdf.clone(), preprinted.clone(), renderedAt, expiresAt));
        }
    }

    @Override
    public Optional<byte[]> find(InvoiceId id, Giro giro) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value())).map(r -> (giro == Giro.PREPRINTED ? r.preprinted() : r.pdf()).clone());
        }
    }

    @Override
    public boolean exists(InvoiceId id) {
        synchronized (rows) {
            return rows.containsKey(id.value());
        }
    }

    @Override
    public boolean remove(InvoiceId id) {
        synchronized (rows) {
            return rows.remove(id.value()) != null;
        }
    }

    @Override
    public int removeExpired(Instant now) {
        synchronized (rows) {
            var expired = rows.entrySet().stream().filter(e -> !e.getValue().expiresAt().isAfter(now)).map(java.util.Map.Entry::getKey).toList();
            expired.forEach(rows::remove);
            return expired.size();
        }
    }
}
