package no.kontor.domain.reporting;

import java.time.LocalDate;
import java.util.Objects;

/** A news site's figures for one day and one section or channel: articles published and page views. */
public record SiteStatistic(LocalDate day, String channel, long articles, long pageViews) {
    public static final int MAX_CHANNEL = 100;

    public SiteStatistic {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(channel, "channel");
        if (articles < 0 || pageViews < 0) {
            throw new IllegalArgumentException("figures are never negative");
        }
    }
}
