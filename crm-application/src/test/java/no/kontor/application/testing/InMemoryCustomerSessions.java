package no.kontor.application.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import no.kontor.application.portal.port.CustomerSessions;

/** My page sessions in memory, as {@code customer_session} keeps them. */
public final class InMemoryCustomerSessions extends InMemoryStore<InMemoryCustomerSessions.Row> implements CustomerSessions {
    public record Row(long id, byte[] tokenHash, long invoiceId, long companyId, String clientAddress, Instant lastUsedAt, Instant endedAt,
                      EndReason reason) {
    }

    @Override
    public long open(byte[] tokenHash, long invoiceId, long companyId, String clientAddress, Instant at) {
        synchronized (rows) {
            if (rows.values().stream().anyMatch(r -> Arrays.equals(r.tokenHash(), tokenHash))) {
                throw new IllegalStateException("a token hash is unique");
            }
            long id = nextId();
            rows.put(id, new Row(id, tokenHash.clone(), invoiceId, companyId, clientAddress, at, null, null));
            return id;
        }
    }

    @Override
    public Optional<Session> find(byte[] tokenHash) {
        synchronized (rows) {
            return rows.values().stream().filter(r -> Arrays.equals(r.tokenHash(), tokenHash)).findFirst()
                    .map(r -> new Session(r.id(), r.invoiceId(), r.companyId(), r.lastUsedAt(), r.endedAt()));
        }
    }

    @Override
    public void touch(long sessionId, Instant at) {
        synchronized (rows) {
            var r = rows.get(sessionId);
            if (r != null && r.endedAt() == null && at.isAfter(r.lastUsedAt())) {
                rows.put(sessionId, new Row(r.id(), r.tokenHash(), r.invoiceId(), r.companyId(), r.clientAddress(), at, null, null));
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
            rows.put(sessionId, new Row(r.id(), r.tokenHash(), r.invoiceId(), r.companyId(), r.clientAddress(), r.lastUsedAt(), at, reason));
            return true;
        }
    }

    @Override
    public int endAll(long invoiceId, EndReason reason, Instant at) {
        synchronized (rows) {
            var open = rows.values().stream().filter(r -> r.invoiceId() == invoiceId && r.endedAt() == null).map(Row::id).toList();
            open.forEach(id -> end(id, reason, at));
            return open.size();
        }
    }

    /** The stored row, for tests that look at why a session ended. */
    public Row row(long id) {
        synchronized (rows) {
            return rows.get(id);
        }
    }
}
