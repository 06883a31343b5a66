package no.kontor.application.identity;

import java.time.Duration;

/** How many failed logins are tolerated: per user in a window, per client address in another. */
public record LoginLimits(int perUser, Duration userWindow, int perClient, Duration clientWindow) {

    /** docs/decisions/login-throttle.md: 5 per user per 15 minutes, 20 per client address per minute. */
    public static LoginLimits defaults() {
        return new LoginLimits(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(1));
    }
}
