package no.kontor.adapters.web.testing;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.identity.LogIn;
import no.kontor.application.identity.LoginLimits;
import no.kontor.application.identity.PasswordHasher;
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
    LogIn logIn(InMemoryStaffUsers users, PasswordHasher hasher, InMemoryLoginThrottle throttle, DirectTransactions tx, Clock clock) {
        return new LogIn(users, hasher, throttle, LoginLimits.defaults(), tx, clock);
    }
}
