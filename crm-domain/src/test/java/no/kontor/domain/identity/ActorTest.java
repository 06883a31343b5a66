package no.kontor.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import no.kontor.domain.shared.AccessDeniedException;

class ActorTest {

    @Test
    void rolesIncludeTheOnesBelowThem() {
        var manager = Actor.staff(2, "mona", Role.MANAGER);
        assertThat(manager.has(Role.SELLER)).isTrue();
        assertThat(manager.has(Role.MANAGER)).isTrue();
        assertThat(manager.has(Role.ADMIN)).isFalse();
        assertThatThrownBy(() -> manager.require(Role.ADMIN)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("ADMIN");
    }

    @Test
    void thePublicAndJobsHoldNoStaffRole() {
        assertThat(Actor.publicForm().has(Role.SELLER)).isFalse();
        assertThat(Actor.system("mail-outbox").has(Role.SELLER)).isFalse();
    }

    @Test
    void theAuditLogNamesActorsStably() {
        assertThat(Actor.staff(17, "sindre", Role.SELLER).auditName()).isEqualTo("user:17");
        assertThat(Actor.publicForm().auditName()).isEqualTo("public");
        assertThat(Actor.system("mail-outbox").auditName()).isEqualTo("system:mail-outbox");
    }
}
