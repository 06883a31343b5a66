package no.kontor.adapters.web.reporting;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How often one client address may read published dashboards: a count per address in
 * fixed one-minute windows, kept by each node in memory (a published link is read-only and
 * cheap to refuse; nothing needs to be shared between nodes to keep a scraper slow).
 */
@Singleton
public class LinkRateLimit {
    private static final int MAX_ADDRESSES = 10_000;
    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    public LinkRateLimit(@Value("${kontor.dashboards.link-requests-per-minute:60}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a read from {@code address}; false when the address has used up this minute. */
    public boolean allow(String address) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> w[0] < minute);
        }
        var window = windows.compute(address, (a, w) -> w == null || w[0] != minute ? new long[] {minute, 1} : new long[] {minute, w[1] + 1});
        return window[1] <= perMinute;
    }

    /** Seconds until the current window ends. */
    public long retryAfterSeconds() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
