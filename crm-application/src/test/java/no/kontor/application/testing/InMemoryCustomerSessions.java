package no.kontor.application.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import no.kontor.application.portal.port.CustomerSessions;

/** My page sessions in memory, as {@code customer_session} keeps them. */
public final class InMemoryCustomerSessions extends InMemoryStore<InMemoryCustomerSessions.Row> implements CustomerSessions {
    public record Row(long id, byte[] tokenHash, long invoiceId, long companyId, int pinVersion, String clientAddress, Instant lastUsedAt,
                      Instant endedAt, EndReason reason) {
        Row used(Instant at) {
            return new Row(id, tokenHash, invoiceId, companyId, pinVersion, clientAddress, at, endedAt, reason);
        }

        Row ended(Instant at, EndReason why) {
            return new Row(id, tokenHash, invoiceId, companyId, pinVersion, clientAddress, lastUsedAt, at, why);
        }
    }

    private final InMemoryInvoices invoices;

    public InMemoryCustomerSessions(InMemoryInvoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public long open(byte[] tokenHash, long invoiceId, long companyId, int pinVersion, String clientAddress, Instant at) {
        synchronized (rows) {
            if (rows.values().stream().anyMatch(r -> Arrays.equals(r.tokenHash(), tokenHash))) {
                throw new IllegalStateException("a token hash is unique");
            }
            long id = nextId();
            rows.put(id, new Row(id, tokenHash.clone(), invoiceId, companyId, pinVersion, clientAddress, at, null, null));
            return id;
        }
    }

    @Override
    public Optional<Session> find(byte[] tokenHash) {
        synchronized (rows) {
            return rows.values().stream().filter(r -> Arrays.equals(r.tokenHash(), tokenHash)).findFirst()
                    .map(r -> new Session(r.id(), r.invoiceId(), r.companyId(), r.lastUsedAt(), r.endedAt(),
                            invoices.row(new no.kontor.domain.invoice.InvoiceId(r.invoiceId())).pinVersion() != r.pinVersion()));
        }
    }

    @Override
    public void touch(long sessionId, Instant at) {
        synchronized (rows) {
            var r = rows.get(sessionId);
            if (r != null && r.endedAt() == null && at.isAfter(r.lastUsedAt())) {
                rows.put(sessionId, r.used(at));
            }
        }
    }

    @Override
    public boolean end(long sessionId, EndReason reason, Instant at) {
        synchronized (rows) {
            var r = rows.get(sessionId);
            if (r == null || r.endedAt() != null) {
                return false;
            }
            rows.put(sessionId, r.ended(at, reason));
            return true;
        }
    }

    /** The stored row, for tests that look at why a session ended. */
    public Row row(long id) {
        synchronized (rows) {
            return rows.get(id);
        }
    }
}
