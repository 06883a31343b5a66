package no.kontor.application.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Keys of requests a client may retry (DECISIONS.md, Idempotency). {@link #claim} is
 * the first statement of the request's transaction; the outcome is recorded with
 * {@link #complete} before that transaction commits, so a key is either unknown,
 * being worked on, or done with its outcome: never half.
 */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} in {@code scope} for a request with {@code requestHash}. A key
     * claimed longer than {@code keptFor} ago counts as unknown. While another
     * transaction holds the key, waits a short time and then refuses with a
     * {@code ConflictException} ({@code idempotency.in-progress}).
     */
    Claim claim(String scope, String key, String requestHash, Duration keptFor, Instant now);

    void complete(String scope, String key, String outcome);

    sealed interface Claim permits Fresh, Earlier {
    }

    /** The key is this request's now: do the work. */
    record Fresh() implements Claim {
    }

    /** An earlier request with the key has committed: replay it if the hashes agree. */
    record Earlier(String requestHash, String outcome) implements Claim {
    }
}
