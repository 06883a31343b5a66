package no.kontor.adapters.persistence.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.domain.shared.ConflictException;

/**
 * Idempotency keys as docs/decisions/idempotency.md lays them out: the claim is an
 * {@code INSERT … ON CONFLICT} under a short {@code lock_timeout}. Inserted (or a
 * key older than it is kept, taken over): this request goes on. Not inserted: the
 * key's first request committed, and its row is read. A lock timeout (55P03): the
 * first request is still running.
 */
@Singleton
public class JdbcIdempotencyKeys implements IdempotencyKeys {
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private final Jdbc jdbc;
    private final Duration lockTimeout;

    public JdbcIdempotencyKeys(Jdbc jdbc, @Value("${kontor.idempotency.lock-timeout:2s}") Duration lockTimeout) {
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public Claim claim(String scope, String key, String requestHash, Duration keptFor, Instant now) {
        jdbc.update("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'", List.of());
        boolean claimed;
        try {
            claimed = !jdbc.query("INSERT INTO idempotency_key (scope, key, request_hash, created_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, outcome = NULL, "
                    + "created_at = EXCLUDED.created_at WHERE idempotency_key.created_at < ? RETURNING 1",
                    List.of(scope, key, requestHash, now, now.minus(keptFor)), rs -> 1).isEmpty();
        } catch (RuntimeException e) {
            // the transaction is aborted now: nothing more may run in it
            if (SqlStates.is(e, LOCK_NOT_AVAILABLE, null)) {
                throw new ConflictException("idempotency.in-progress",
                        "The first request with this key is still being processed; try again shortly");
            }
            throw e;
        }
        jdbc.update("SET LOCAL lock_timeout TO DEFAULT", List.of());
        if (claimed) {
            return new Fresh();
        }
        return jdbc.query("SELECT request_hash, outcome FROM idempotency_key WHERE scope = ? AND key = ?", List.of(scope, key),
                rs -> new Earlier(rs.getString(1), rs.getString(2))).get(0);
    }

    @Override
    public void complete(String scope, String key, String outcome) {
        jdbc.update("UPDATE idempotency_key SET outcome = ? WHERE scope = ? AND key = ?", List.of(outcome, scope, key));
    }
}
