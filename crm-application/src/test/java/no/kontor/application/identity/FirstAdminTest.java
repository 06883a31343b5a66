package no.kontor.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryStaffUsers;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.ConflictException;

/**
 * The first admin from configuration, on the first start of an empty database — also when
 * two nodes start at once (docs/scaling.md): both count no user, one inserts first, and
 * the other must still start.
 */
class FirstAdminTest {
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    final InMemoryStaffUsers stored = new InMemoryStaffUsers();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final DirectTransactions tx = new DirectTransactions().register(stored);
    final StaffSecurityTest.PlainHasher hasher = new StaffSecurityTest.PlainHasher();

    static RegisterStaffUser.Command admin(String username) {
        return new RegisterStaffUser.Command(username, "Administrator", null, "admin-password".toCharArray(), Role.ADMIN, null);
    }

    /** The store as a node sees it before another node's commit is visible to its count: no user yet. */
    StaffUsers countingNoneYet() {
        return (StaffUsers) Proxy.newProxyInstance(StaffUsers.class.getClassLoader(), new Class<?>[] {StaffUsers.class}, (proxy, method, args) -> {
            if (method.getName().equals("count")) {
                return 0L;
            }
            try {
                return method.invoke(stored, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void onAnEmptyStoreTheAdminIsCreatedOnceAndAuditedAsTheFirstStart() {
        var register = new RegisterStaffUser(stored, hasher, audit, tx, clock);
        assertThat(register.firstAdmin(admin("admin"))).isTrue();
        assertThat(register.firstAdmin(admin("admin"))).as("a later start").isFalse();
        assertThat(stored.count()).isEqualTo(1);
        assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.system("first-start").auditName()));
    }

    @Test
    void aNodeThatLosesTheRaceForTheFirstAdminStillStarts() {
        var otherNode = new RegisterStaffUser(stored, hasher, audit, tx, clock);
        assertThat(otherNode.firstAdmin(admin("admin"))).isTrue();

        var thisNode = new RegisterStaffUser(countingNoneYet(), hasher, audit, tx, clock);
        assertThat(thisNode.firstAdmin(admin("admin"))).as("the other node's admin is the first admin").isFalse();
        assertThat(stored.count()).isEqualTo(1);
        assertThat(audit.events()).hasSize(1);
    }

    @Test
    void anyOtherConflictStillStopsTheStart() {
        StaffUsers refusing = (StaffUsers) Proxy.newProxyInstance(StaffUsers.class.getClassLoader(), new Class<?>[] {StaffUsers.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "count" -> 0L;
                    case "add" -> throw new ConflictException("user.something-else", "refused");
                    default -> method.invoke(stored, args);
                });
        var register = new RegisterStaffUser(refusing, hasher, audit, tx, clock);
        assertThatThrownBy(() -> register.firstAdmin(admin("admin"))).isInstanceOf(ConflictException.class).hasMessage("refused");
    }
}
