package no.kontor.application.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import no.kontor.domain.identity.Role;
import no.kontor.application.identity.port.StaffUsers;

/**
 * Whether a bearer token still speaks for its user: the user exists and is active,
 * has the role the token names, and the token carries the user's current token
 * version (raised by a change of role, active flag or password, and by logging out).
 * The store is the truth, so every node agrees; a short cache per user
 * ({@code cacheFor}, zero for none) saves a query per request, which means a
 * revocation takes effect within that time on nodes other than the one that made
 * it. Only agreement is cached: a token the cache would refuse is checked against
 * the store again, so a fresh login is never refused for a stale cache.
 */
public final class TokenCheck {
    private final StaffUsers users;
    private final Clock clock;
    private final Duration cacheFor;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(StaffUsers.Standing standing, Instant until) {
    }

    public TokenCheck(StaffUsers users, Clock clock, Duration cacheFor) {
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("the token check's cache time cannot be negative: " + cacheFor);
        }
        this.users = users;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    public boolean stillValid(long userId, Role role, long tokenVersion) {
        Instant now = clock.instant();
        var cached = cache.get(userId);
        if (cached != null && now.isBefore(cached.until())) {
            if (matches(cached.standing(), role, tokenVersion)) {
                return true;
            }
            if (cached.standing().tokenVersion() > tokenVersion) {
                return false; // versions only rise: this token ended for good
            }
        }
        var standing = users.standing(userId);
        if (standing.isEmpty()) {
            cache.remove(userId);
            return false;
        }
        if (!cacheFor.isZero()) {
            cache.put(userId, new Cached(standing.get(), now.plus(cacheFor)));
        }
        return matches(standing.get(), role, tokenVersion);
    }

    /** Drops what this node remembers of the user, after a change it committed itself. */
    public void forget(long userId) {
        cache.remove(userId);
    }

    private static boolean matches(StaffUsers.Standing standing, Role role, long tokenVersion) {
        return standing.active() && standing.role() == role && standing.tokenVersion() == tokenVersion;
    }
}
