package no.kontor.application.testing;

import java.time.Duration;
import java.time.Instant;

import no.kontor.application.shared.port.IdempotencyKeys;

/** Idempotency keys in memory, by scope and key; rolled back with the transaction like the table. */
public final class InMemoryIdempotencyKeys extends InMemoryStore<InMemoryIdempotencyKeys.Key> implements IdempotencyKeys {

    /** A claimed key: its request's hash and, once complete, its outcome. */
    public record Key(String scope, String key, String requestHash, String outcome, Instant claimedAt) {
    }

    @Override
    public Claim claim(String scope, String key, String requestHash, Duration keptFor, Instant now) {
        synchronized (rows) {
            var earlier = rows.values().stream().filter(k -> k.scope().equals(scope) && k.key().equals(key)
                    && k.claimedAt().plus(keptFor).isAfter(now)).findFirst();
            if (earlier.isPresent()) {
                return new Earlier(earlier.get().requestHash(), earlier.get().outcome());
            }
            rows.put(nextId(), new Key(scope, key, requestHash, null, now));
            return new Fresh();
        }
    }

    @Override
    public void complete(String scope, String key, String outcome) {
        synchronized (rows) {
            rows.replaceAll((id, k) -> k.scope().equals(scope) && k.key().equals(key)
                    ? new Key(scope, key, k.requestHash(), outcome, k.claimedAt()) : k);
        }
    }
}
