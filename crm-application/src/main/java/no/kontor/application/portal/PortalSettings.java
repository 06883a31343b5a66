package no.kontor.application.portal;

import java.time.Duration;

/**
 * My page's limits (docs/decisions/portal.md): an invoice's login locks for {@code lockFor}
 * after {@code lockAfter} failures; a client address may fail {@code perAddress} times in
 * {@code addressWindow}; a burst of more than {@code burstPerMinute} failures across every
 * invoice is warned of; a session ends after {@code idle} without use.
 */
public record PortalSettings(int lockAfter, Duration lockFor, int perAddress, Duration addressWindow, int burstPerMinute, Duration idle) {

    public PortalSettings {
        if (lockAfter < 1 || perAddress < 1 || burstPerMinute < 1) {
            throw new IllegalArgumentException("My page's limits are at least 1");
        }
        if (lockFor.isNegative() || lockFor.isZero() || addressWindow.isNegative() || addressWindow.isZero() || idle.isNegative()
                || idle.isZero()) {
            throw new IllegalArgumentException("My page's durations are positive");
        }
    }

    /** 5 failures lock an invoice for 15 minutes; 20 failures per address an hour; a warning past 100 a minute; 30 minutes idle. */
    public static PortalSettings defaults() {
        return new PortalSettings(5, Duration.ofMinutes(15), 20, Duration.ofHours(1), 100, Duration.ofMinutes(30));
    }
}
