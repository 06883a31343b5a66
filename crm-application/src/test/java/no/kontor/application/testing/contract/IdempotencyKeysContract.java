package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.kontor.application.shared.RequestMismatchException;
import no.kontor.application.shared.port.IdempotencyKeys;

/** What every {@link IdempotencyKeys} does (docs/decisions/idempotency.md). */
public abstract class IdempotencyKeysContract extends PortContract {
    private static final Duration KEPT = Duration.ofHours(24);

    @Test
    void aFreshKeyIsClaimedAndItsOutcomeIsAnsweredToTheSameRequestOnly() {
        var keys = port(IdempotencyKeys.class);
        String key = "key-" + unique();
        var now = now();
        assertThat(tx(() -> {
            var claim = keys.claim("user:1", key, "hash-a", KEPT, now);
            keys.complete("user:1", key, "invoice:7");
            return claim;
        })).isInstanceOf(IdempotencyKeys.Fresh.class);

        assertThat(tx(() -> keys.claim("user:1", key, "hash-a", KEPT, now.plusSeconds(1))))
                .isEqualTo(new IdempotencyKeys.Earlier("hash-a", "invoice:7"));
        assertThat(tx(() -> keys.earlierOutcome("user:1", key, "hash-a", KEPT, now.plusSeconds(1), "mismatch"))).contains("invoice:7");
        assertThatThrownBy(() -> tx(() -> keys.earlierOutcome("user:1", key, "hash-b", KEPT, now.plusSeconds(1), "another request")))
                .isInstanceOf(RequestMismatchException.class).hasMessage("another request");
    }

    @Test
    void keysAreKeptPerScopeAndARolledBackClaimLeavesNothing() {
        var keys = port(IdempotencyKeys.class);
        String key = "key-" + unique();
        var now = now();
        tx(() -> {
            keys.claim("user:1", key, "hash-a", KEPT, now);
            keys.complete("user:1", key, "one");
            return null;
        });
        assertThat(tx(() -> keys.claim("user:2", key, "hash-a", KEPT, now))).as("another scope").isInstanceOf(IdempotencyKeys.Fresh.class);

        String other = "key-" + unique();
        assertThatThrownBy(() -> tx(() -> {
            keys.claim("user:1", other, "hash-a", KEPT, now);
            throw new IllegalStateException("the request failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tx(() -> keys.claim("user:1", other, "hash-b", KEPT, now))).isInstanceOf(IdempotencyKeys.Fresh.class);
    }

    @Test
    void aKeyOlderThanItsKeepingIsUnknown() {
        var keys = port(IdempotencyKeys.class);
        String key = "key-" + unique();
        var now = now();
        tx(() -> {
            keys.claim("user:1", key, "hash-a", KEPT, now);
            keys.complete("user:1", key, "old");
            return null;
        });
        assertThat(tx(() -> keys.claim("user:1", key, "hash-b", KEPT, now.plus(KEPT).plusSeconds(1))))
                .isInstanceOf(IdempotencyKeys.Fresh.class);
    }
}
