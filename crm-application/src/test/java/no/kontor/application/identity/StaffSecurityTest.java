package no.kontor.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryLoginThrottle;
import no.kontor.application.testing.InMemoryStaffUsers;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.identity.port.PasswordHasher;

/** Staff access on the in-memory ports: token versions, the token check's cache, passwords, login audit. */
class StaffSecurityTest {
    /** A stand-in for bcrypt that refuses what bcrypt refuses (over 72 bytes), and counts its work. */
    static final class PlainHasher implements PasswordHasher {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String hash(char[] password) {
            if (!Passwords.fitsTheHash(password)) {
                throw new IllegalArgumentException("too long for the hash");
            }
            return "plain:" + new String(password);
        }

        @Override
        public boolean matches(char[] password, String hash) {
            checks.incrementAndGet();
            if (!Passwords.fitsTheHash(password)) {
                throw new IllegalArgumentException("too long for the hash");
            }
            return hash.equals("plain:" + new String(password));
        }
    }

    static final String TOO_LONG = "ø".repeat(37); // 74 bytes in 37 characters

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle();
    final DirectTransactions tx = new DirectTransactions().register(users);
    final PlainHasher hasher = new PlainHasher();
    final PasswordAttempts attempts = new PasswordAttempts(throttle, new LoginLimits(3, Duration.ofMinutes(15), 20,
            Duration.ofMinutes(1)), clock);
    final TokenCheck tokens = new TokenCheck(users, clock, Duration.ofSeconds(5));
    final ManageStaff staff = new ManageStaff(users, hasher, attempts, tokens, audit, tx, clock);
    final RegisterStaffUser register = new RegisterStaffUser(users, hasher, audit, tx, clock);
    final LogIn logIn = new LogIn(users, hasher, attempts, audit, tx, clock);
    final LogOut logOut = new LogOut(users, tokens, audit, tx, clock);

    StaffUser add(String name, Role role) {
        return users.add(new StaffUser(null, name, name, null, hasher.hash((name + "-password").toCharArray()), role, null, true,
                clock.instant(), clock.instant(), 0));
    }

    StaffUser reload(StaffUser u) {
        return users.find(u.getId()).orElseThrow();
    }

    boolean valid(StaffUser tokenOf) {
        return tokens.stillValid(tokenOf.getId(), tokenOf.getRole(), tokenOf.getTokenVersion());
    }

    @Test
    void aChangeOfRoleOrActiveFlagEndsTheTokensAndAnotherChangeDoesNot() {
        var admin = add("admin", Role.ADMIN);
        var user = add("mona", Role.MANAGER);
        assertThat(valid(user)).isTrue();

        staff.change(admin.asActor(), user.getId(), 0, new ManageStaff.Change("Mona M", null, Role.MANAGER, "Salg", true));
        assertThat(reload(user).getTokenVersion()).as("a new name keeps the tokens").isEqualTo(user.getTokenVersion());
        assertThat(valid(user)).isTrue();

        staff.change(admin.asActor(), user.getId(), 1, new ManageStaff.Change("Mona M", null, Role.SELLER, "Salg", true));
        assertThat(reload(user).getTokenVersion()).isEqualTo(user.getTokenVersion() + 1);
        assertThat(valid(user)).as("the manager's token after the demotion").isFalse();
        assertThat(valid(reload(user))).as("a token issued now").isTrue();

        var demoted = reload(user);
        staff.change(admin.asActor(), user.getId(), 2, new ManageStaff.Change("Mona M", null, Role.SELLER, "Salg", false));
        assertThat(valid(demoted)).isFalse();
        assertThat(valid(reload(user))).as("an inactive user has no valid token at all").isFalse();
    }

    @Test
    void theCacheAnswersForItsTimeButNeverRefusesAFreshToken() {
        var user = add("sindre", Role.SELLER);
        assertThat(valid(user)).isTrue();
        // another node demotes the user: this node's cache agrees with the old token for at most 5 s
        users.endSessions(user.getId());
        assertThat(valid(user)).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(valid(user)).isFalse();

        // logging out and in again within the cache time: the new token is checked against the store
        var loggedIn = reload(user);
        assertThat(valid(loggedIn)).isTrue();
        logOut.execute(loggedIn.asActor());
        assertThat(valid(loggedIn)).as("this node forgot the user at its own logout").isFalse();
        assertThat(valid(reload(user))).isTrue();
        assertThat(audit.of("user", user.getId())).extracting(e -> e.action()).containsExactly("logged-out");

        assertThat(tokens.stillValid(999, Role.SELLER, 0)).as("no such user").isFalse();
        var noCache = new TokenCheck(users, clock, Duration.ZERO);
        var current = reload(user);
        assertThat(noCache.stillValid(current.getId(), current.getRole(), current.getTokenVersion())).isTrue();
        users.endSessions(user.getId());
        assertThat(noCache.stillValid(current.getId(), current.getRole(), current.getTokenVersion())).isFalse();
    }

    @Test
    void everyoneChangingTheirOwnPasswordGivesTheCurrentOneAndItIsThrottledLikeALogin() {
        var admin = add("admin", Role.ADMIN);
        assertThatThrownBy(() -> staff.changePassword(admin.asActor(), admin.getId(), null, "new-admin-password".toCharArray(), "10.0.0.1"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("currentPassword"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> staff.changePassword(admin.asActor(), admin.getId(), "wrong".toCharArray(),
                    "new-admin-password".toCharArray(), "10.0.0.1"))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors().get(0).code()).isEqualTo("user.current-password-wrong"));
        }
        assertThat(throttle.userFailures("admin", Instant.EPOCH).count()).isEqualTo(3);
        assertThat(audit.of("user", admin.getId())).extracting(e -> e.action()).containsOnly("password-check-failed").hasSize(3);
        assertThatThrownBy(() -> staff.changePassword(admin.asActor(), admin.getId(), "admin-password".toCharArray(),
                "new-admin-password".toCharArray(), "10.0.0.1")).isInstanceOf(TooManyAttemptsException.class);
        assertThat(logIn.execute(new LogIn.Command("admin", "admin-password".toCharArray(), "10.0.0.2")))
                .isInstanceOf(LogIn.Result.Throttled.class);

        clock.advance(Duration.ofMinutes(16));
        var before = reload(admin);
        staff.changePassword(admin.asActor(), admin.getId(), "admin-password".toCharArray(), "new-admin-password".toCharArray(), "10.0.0.1");
        assertThat(reload(admin).getTokenVersion()).isEqualTo(before.getTokenVersion() + 1);

        var other = add("siri", Role.SELLER);
        staff.changePassword(reload(admin).asActor(), other.getId(), null, "set-by-admin".toCharArray(), "10.0.0.1");
        assertThat(logIn.execute(new LogIn.Command("siri", "set-by-admin".toCharArray(), "10.0.0.3")))
                .isInstanceOf(LogIn.Result.LoggedIn.class);
        assertThat(reload(other).getTokenVersion()).isEqualTo(other.getTokenVersion() + 1);
    }

    @Test
    void aPasswordOver72BytesIsRefusedWhenSetAndAFailedLoginWhenTried() {
        var admin = add("admin", Role.ADMIN);
        assertThatThrownBy(() -> register.execute(admin.asActor(), new RegisterStaffUser.Command("lang", "Lang", null,
                TOO_LONG.toCharArray(), Role.SELLER, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("password");
                    assertThat(e.errors().get(0).code()).isEqualTo("user.password-too-long");
                });
        var empty = new RegisterStaffUser(new InMemoryStaffUsers(), hasher, audit, tx, clock);
        assertThatThrownBy(() -> empty.firstAdmin(new RegisterStaffUser.Command("first", "First", null, TOO_LONG.toCharArray(),
                Role.ADMIN, null))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> staff.changePassword(admin.asActor(), add("x1", Role.SELLER).getId(), null,
                TOO_LONG.toCharArray(), "10.0.0.1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("newPassword"));
        assertThat(Passwords.fitsTheHash("x".repeat(72).toCharArray())).isTrue();
        assertThat(Passwords.fitsTheHash("ø".repeat(36).toCharArray())).isTrue();
        assertThat(Passwords.fitsTheHash(TOO_LONG.toCharArray())).isFalse();
        assertThat(Passwords.fitsTheHash(new char[] {'a', '\uD800', 'b'})).as("a lone surrogate").isFalse();

        add("tor", Role.SELLER);
        for (int i = 0; i < 3; i++) {
            assertThat(logIn.execute(new LogIn.Command("tor", TOO_LONG.toCharArray(), "10.0.0.9"))).isInstanceOf(LogIn.Result.Refused.class);
        }
        assertThat(logIn.execute(new LogIn.Command("tor", "tor-password".toCharArray(), "10.0.0.9")))
                .isInstanceOf(LogIn.Result.Throttled.class);
    }

    @Test
    void loginsAreAuditedWithoutThePasswordAndAnUnknownNameReadsLikeAWrongPassword() {
        var user = add("tina", Role.SELLER);
        logIn.execute(new LogIn.Command(" Tina ", "tina-password".toCharArray(), "10.0.0.5"));
        logIn.execute(new LogIn.Command("tina", "secret-guess".toCharArray(), "10.0.0.5"));
        logIn.execute(new LogIn.Command("ghost", "secret-guess".toCharArray(), "10.0.0.6"));
        users.update(reload(user).changeTo("tina", null, Role.SELLER, null, false, clock.instant()));
        logIn.execute(new LogIn.Command("tina", "tina-password".toCharArray(), "10.0.0.5"));

        var tina = audit.of(LogIn.RECORD_TYPE, "tina");
        assertThat(tina).extracting(e -> e.actor()).containsExactly("user:" + user.getId(), "public", "public");
        assertThat(tina).extracting(e -> e.action()).containsExactly("succeeded", "failed", "failed");
        assertThat(tina.get(0).changes().get("clientAddress").after()).isEqualTo("10.0.0.5");
        assertThat(tina.get(1).changes().get("reason").after()).isEqualTo("bad-credentials");
        assertThat(tina.get(2).changes().get("reason").after()).isEqualTo("inactive");
        var ghost = audit.of(LogIn.RECORD_TYPE, "ghost");
        assertThat(ghost).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("public");
            assertThat(e.changes().get("reason").after()).isEqualTo("bad-credentials");
            assertThat(e.changes().get("username").after()).isEqualTo("ghost");
        });
        assertThat(audit.events().toString()).doesNotContain("secret-guess", "tina-password");

        for (int i = 0; i < 5; i++) {
            logIn.execute(new LogIn.Command("ghost", "again".toCharArray(), "10.0.0.6"));
        }
        assertThat(audit.of(LogIn.RECORD_TYPE, "ghost")).as("throttled attempts are not audited").hasSize(3);
    }

    @Test
    void theLastActiveAdminStays() {
        var admin = add("admin", Role.ADMIN);
        assertThatThrownBy(() -> staff.change(admin.asActor(), admin.getId(), 0,
                new ManageStaff.Change("admin", null, Role.ADMIN, null, false)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("user.last-admin"));
        var second = add("ada", Role.ADMIN);
        staff.change(admin.asActor(), second.getId(), 0, new ManageStaff.Change("ada", null, Role.MANAGER, null, true));
        assertThatThrownBy(() -> staff.change(Actor.staff(second.getId(), "ada", Role.ADMIN), admin.getId(), 0,
                new ManageStaff.Change("admin", null, Role.SELLER, null, true))).isInstanceOf(ConflictException.class);
    }
}
