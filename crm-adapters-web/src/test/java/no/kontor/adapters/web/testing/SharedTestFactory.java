package no.kontor.adapters.web.testing;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.identity.BcryptPasswordHasher;
import no.kontor.application.identity.LogIn;
import no.kontor.application.identity.LogOut;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.identity.PasswordAttempts;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.application.identity.TokenCheck;
import no.kontor.application.identity.LoginLimits;
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryLoginThrottle;
import no.kontor.application.testing.InMemoryStaffUsers;

/**
 * The web adapter's tests run the real controllers, security and error handling
 * over HTTP, on use cases built from small in-memory ports. Each context adds its
 * own factory beside this one (CompanyTestFactory, …) for its use cases.
 */
@Factory
public class SharedTestFactory {

    /** The real hasher at the cheapest cost: the web tests log in for real. */
    @Singleton
    PasswordHasher passwordHasher() {
        return new BcryptPasswordHasher(4);
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    InMemoryAuditTrail audit() {
        return new InMemoryAuditTrail();
    }

    @Singleton
    InMemoryStaffUsers staffUsers() {
        return new InMemoryStaffUsers();
    }

    @Singleton
    DirectTransactions transactions() {
        return new DirectTransactions();
    }

    @Singleton
    InMemoryLoginThrottle loginThrottle() {
        return new InMemoryLoginThrottle();
    }

    @Singleton
    PasswordAttempts passwordAttempts(InMemoryLoginThrottle throttle, Clock clock) {
        return new PasswordAttempts(throttle, LoginLimits.defaults(), clock);
    }

    @Singleton
    LogIn logIn(InMemoryStaffUsers users, PasswordHasher hasher, PasswordAttempts attempts, InMemoryAuditTrail audit,
                DirectTransactions tx, Clock clock) {
        return new LogIn(users, hasher, attempts, audit, tx, clock);
    }

    /** No cache: a test sees a revocation at once. */
    @Singleton
    TokenCheck tokenCheck(InMemoryStaffUsers users, Clock clock) {
        return new TokenCheck(users, clock, Duration.ZERO);
    }

    @Singleton
    LogOut logOut(InMemoryStaffUsers users, TokenCheck tokens, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new LogOut(users, tokens, audit, tx, clock);
    }

    @Singleton
    ManageStaff manageStaff(InMemoryStaffUsers users, PasswordHasher hasher, PasswordAttempts attempts, TokenCheck tokens,
                            InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new ManageStaff(users, hasher, attempts, tokens, audit, tx, clock);
    }

    @Singleton
    RegisterStaffUser registerStaffUser(InMemoryStaffUsers users, PasswordHasher hasher, InMemoryAuditTrail audit,
                                        DirectTransactions tx, Clock clock) {
        return new RegisterStaffUser(users, hasher, audit, tx, clock);
    }
}
