package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import no.kontor.application.identity.port.StaffUsers;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link StaffUsers} does. */
public abstract class StaffUsersContract extends PortContract {

    private StaffUsers users() {
        return port(StaffUsers.class);
    }

    private StaffUser user(Role role) {
        String name = "user" + unique();
        return tx(() -> users().add(new StaffUser(null, name, "Navn " + name, name + "@kontor.example", "$2a$04$hash", role, null, true,
                now(), now(), 0)));
    }

    @Test
    void aUserIsStoredAndFoundByIdAndUsername() {
        var stored = user(Role.SELLER);
        assertThat(stored.getId()).isNotNull();
        assertThat(users().find(stored.getId()).orElseThrow().getUsername()).isEqualTo(stored.getUsername());
        assertThat(users().findByUsername(stored.getUsername())).map(StaffUser::getId).contains(stored.getId());
        assertThat(users().findByUsername("nobody" + unique())).isEmpty();
        assertThat(users().all()).extracting(StaffUser::getId).contains(stored.getId());
        assertThat(users().count()).isPositive();
    }

    @Test
    void aUsernameIsTakenOnce() {
        var stored = user(Role.SELLER);
        assertThatThrownBy(() -> tx(() -> users().add(new StaffUser(null, stored.getUsername(), "Annen", null, "$2a$04$hash", Role.SELLER,
                null, true, now(), now(), 0)))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("user.username-taken"));
    }

    @Test
    void endingSessionsMovesTheTokenVersionAndTheStandingShowsRoleAndActivity() {
        var stored = user(Role.MANAGER);
        var before = users().standing(stored.getId()).orElseThrow();
        assertThat(before.role()).isEqualTo(Role.MANAGER);
        assertThat(before.active()).isTrue();
        run(() -> users().endSessions(stored.getId()));
        assertThat(users().standing(stored.getId()).orElseThrow().tokenVersion()).isEqualTo(before.tokenVersion() + 1);
        assertThat(users().standing(987_654_321L)).isEmpty();
    }

    @Test
    void anUpdateRaisesTheVersionAndAStaleOneIsRefused() {
        var stored = user(Role.SELLER);
        var changed = tx(() -> users().update(stored.changeTo("Ny", null, Role.MANAGER, null, true, now())));
        assertThat(changed.getVersion()).isEqualTo(stored.getVersion() + 1);
        assertThatThrownBy(() -> tx(() -> users().update(stored.changeTo("Gammel", null, Role.SELLER, null, true, now()))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(users().find(stored.getId()).orElseThrow().getRole()).isEqualTo(Role.MANAGER);
    }

    @Test
    void activeAdminsAreCountedUnderALock() {
        long before = tx(() -> users().lockActiveAdmins());
        user(Role.ADMIN);
        assertThat(tx(() -> users().lockActiveAdmins())).isEqualTo(before + 1);
    }
}
