package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import no.kontor.application.identity.port.LoginThrottle;

/** What every {@link LoginThrottle} does: counts failures per username and per address, after a moment. */
public abstract class LoginThrottleContract extends PortContract {

    @Test
    void failuresAreCountedPerUsernameAndPerAddressSinceAMoment() {
        var throttle = port(LoginThrottle.class);
        String user = "bruker" + unique();
        String address = "203.0.113." + (unique() % 250);
        var start = now();
        run(() -> throttle.recordFailure(user, address, start));
        run(() -> throttle.recordFailure(user, address, start.plusSeconds(10)));
        run(() -> throttle.recordFailure("annen" + unique(), address, start.plusSeconds(20)));

        var byUser = tx(() -> throttle.userFailures(user, start.minusSeconds(1)));
        assertThat(byUser.count()).isEqualTo(2);
        assertThat(byUser.oldest()).isEqualTo(start);
        assertThat(tx(() -> throttle.clientFailures(address, start.minusSeconds(1))).count()).isEqualTo(3);
        assertThat(tx(() -> throttle.userFailures(user, start.plusSeconds(5))).count()).isEqualTo(1);
        assertThat(tx(() -> throttle.userFailures(user, start)).count()).as("a failure at the moment itself is not after it").isEqualTo(1);
    }

    @Test
    void clearingAUsersFailuresLeavesTheAddresssCount() {
        var throttle = port(LoginThrottle.class);
        String user = "bruker" + unique();
        String address = "203.0.113." + (unique() % 250);
        var start = now();
        run(() -> throttle.recordFailure(user, address, start));
        run(() -> throttle.clearFailures(user));
        assertThat(tx(() -> throttle.userFailures(user, start.minusSeconds(1))).count()).isZero();
        assertThat(tx(() -> throttle.clientFailures(address, start.minusSeconds(1))).count()).isEqualTo(1);
    }
}
