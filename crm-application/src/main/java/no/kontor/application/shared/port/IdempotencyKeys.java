package no.kontor.application.shared.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import no.kontor.application.shared.RequestMismatchException;

/**
 * Keys of requests a client may retry (docs/decisions/idempotency.md). {@link #claim} is
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

    /**
     * Claims {@code key} as {@link #claim} does and says what to do: empty when this is
     * the first request with the key (do the work, then {@link #complete} it), or the
     * outcome of the earlier, identical request (replay it).
     *
     * @throws RequestMismatchException with {@code mismatch} when the key was used for another request
     */
    default Optional<String> earlierOutcome(String scope, String key, String requestHash, Duration keptFor, Instant now,
                                            String mismatch) {
        if (claim(scope, key, requestHash, keptFor, now) instanceof Earlier earlier) {
            if (!earlier.requestHash().equals(requestHash)) {
                throw new RequestMismatchException(mismatch);
            }
            return Optional.of(earlier.outcome());
        }
        return Optional.empty();
    }

    sealed interface Claim permits Fresh, Earlier {
    }

    /** The key is this request's now: do the work. */
    record Fresh() implements Claim {
    }

    /** An earlier request with the key has committed: replay it if the hashes agree. */
    record Earlier(String requestHash, String outcome) implements Claim {
    }
}
