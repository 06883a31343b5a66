package no.kontor.domain.advertising;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The ad server's figures for one day and one banner or zone: impressions and clicks. Clicks
 * may exceed impressions (an ad server counts clicks on impressions served from a cache, or on
 * the day after), but neither is ever negative.
 */
public record AdStatistic(LocalDate day, AdServerKey key, long impressions, long clicks) {

    public AdStatistic {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(key, "key");
        if (impressions < 0 || clicks < 0) {
            throw new IllegalArgumentException("figures are never negative");
        }
    }
}
