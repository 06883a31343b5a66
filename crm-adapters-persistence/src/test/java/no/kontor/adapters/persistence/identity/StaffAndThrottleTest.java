package no.kontor.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.identity.port.LoginThrottle;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAndThrottleTest implements UsesTestDatabase {
    @Inject
    StaffUsers users;
    @Inject
    LoginThrottle throttle;
    @Inject
    Transactions tx;

    static StaffUser user(String name) {
        return new StaffUser(null, name, name, null, "$2a$04$hash", Role.SELLER, "Salg", true, Instant.now(), Instant.now(), 0);
    }

    @Test
    void usernamesAreUniqueAndUpdatesVersioned() {
        var ola = users.add(user("ola"));
        assertThat(users.findByUsername("ola")).map(StaffUser::getId).contains(ola.getId());
        assertThatThrownBy(() -> users.add(user("ola"))).isInstanceOf(ConflictException.class).hasMessageContaining("ola");
        var manager = users.update(ola.changeTo("Ola M", null, Role.MANAGER, null, true, Instant.now()));
        assertThat(manager.getVersion()).isEqualTo(1);
        assertThatThrownBy(() -> users.update(ola.changeTo("Ola X", null, Role.ADMIN, null, true, Instant.now())))
                .isInstanceOf(StaleVersionException.class);
        assertThat(users.find(ola.getId()).orElseThrow().getRole()).isEqualTo(Role.MANAGER);
    }

    @Test
    void failuresCountInTheirWindowAndASuccessClearsOnlyTheUsersCount() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tx.inTransaction(() -> {
            throttle.recordFailure("kari", "10.0.0.1", now.minus(Duration.ofMinutes(20)));
            throttle.recordFailure("kari", "10.0.0.1", now.minus(Duration.ofMinutes(10)));
            throttle.recordFailure("kari", "10.0.0.2", now.minus(Duration.ofMinutes(5)));
            return null;
        });
        var window = throttle.userFailures("kari", now.minus(Duration.ofMinutes(15)));
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.oldest()).isEqualTo(now.minus(Duration.ofMinutes(10)));
        assertThat(window.until(now, Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(throttle.clientFailures("10.0.0.1", now.minus(Duration.ofHours(1))).count()).isEqualTo(2);

        tx.inTransaction(() -> {
            throttle.clearFailures("kari");
            return null;
        });
        assertThat(throttle.userFailures("kari", now.minus(Duration.ofHours(1))).count()).isZero();
        assertThat(throttle.clientFailures("10.0.0.1", now.minus(Duration.ofHours(1))).count()).as("the address keeps its count").isEqualTo(2);
    }
}
