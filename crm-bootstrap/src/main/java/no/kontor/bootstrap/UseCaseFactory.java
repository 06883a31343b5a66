package no.kontor.bootstrap;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.ChangeCompany;
import no.kontor.application.company.ImportPostalCodes;
import no.kontor.application.company.LookUpPostalCode;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.CompanyQueries;
import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.application.company.RegisterCompany;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.application.identity.BcryptPasswordHasher;
import no.kontor.application.identity.LogIn;
import no.kontor.application.identity.LogOut;
import no.kontor.application.identity.PasswordAttempts;
import no.kontor.application.identity.TokenCheck;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.identity.LoginLimits;
import no.kontor.application.identity.port.LoginThrottle;
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.shared.port.Transactions;

/**
 * Builds the framework-free use cases from their ports. The application module
 * knows nothing of Micronaut; this is where the two meet.
 */
@Factory
public class UseCaseFactory {

    @Singleton
    PasswordHasher passwordHasher(@Value("${kontor.security.bcrypt-cost:12}") int cost) {
        return new BcryptPasswordHasher(cost);
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    RegisterCompany registerCompany(Companies companies, PostalCodeRegister postalCodes, StaffUsers staff,
                                    AuditTrail audit, Transactions tx, Clock clock) {
        return new RegisterCompany(companies, postalCodes, staff, audit, tx, clock);
    }

    @Singleton
    ChangeCompany changeCompany(Companies companies, PostalCodeRegister postalCodes, StaffUsers staff,
                                AuditTrail audit, Transactions tx, Clock clock) {
        return new ChangeCompany(companies, postalCodes, staff, audit, tx, clock);
    }

    @Singleton
    ViewCompany viewCompany(CompanyQueries queries) {
        return new ViewCompany(queries);
    }

    @Singleton
    SearchCompanies searchCompanies(CompanyQueries queries) {
        return new SearchCompanies(queries);
    }

    @Singleton
    LookUpPostalCode lookUpPostalCode(PostalCodeRegister register) {
        return new LookUpPostalCode(register);
    }

    @Singleton
    ImportPostalCodes importPostalCodes(PostalCodeRegister register, AuditTrail audit, Transactions tx, Clock clock) {
        return new ImportPostalCodes(register, audit, tx, clock);
    }

    @Singleton
    PasswordAttempts passwordAttempts(LoginThrottle throttle, Clock clock,
                                      @Value("${kontor.security.login.per-user:5}") int perUser,
                                      @Value("${kontor.security.login.user-window:15m}") Duration userWindow,
                                      @Value("${kontor.security.login.per-client:20}") int perClient,
                                      @Value("${kontor.security.login.client-window:1m}") Duration clientWindow) {
        return new PasswordAttempts(throttle, new LoginLimits(perUser, userWindow, perClient, clientWindow), clock);
    }

    @Singleton
    LogIn logIn(StaffUsers users, PasswordHasher hasher, PasswordAttempts attempts, AuditTrail audit, Transactions tx, Clock clock) {
        return new LogIn(users, hasher, attempts, audit, tx, clock);
    }

    @Singleton
    TokenCheck tokenCheck(StaffUsers users, Clock clock, @Value("${kontor.security.token-check-cache:5s}") Duration cacheFor) {
        return new TokenCheck(users, clock, cacheFor);
    }

    @Singleton
    LogOut logOut(StaffUsers users, TokenCheck tokens, AuditTrail audit, Transactions tx, Clock clock) {
        return new LogOut(users, tokens, audit, tx, clock);
    }

    @Singleton
    ManageStaff manageStaff(StaffUsers users, PasswordHasher hasher, PasswordAttempts attempts, TokenCheck tokens,
                            AuditTrail audit, Transactions tx, Clock clock) {
        return new ManageStaff(users, hasher, attempts, tokens, audit, tx, clock);
    }

    @Singleton
    RegisterStaffUser registerStaffUser(StaffUsers users, PasswordHasher hasher, AuditTrail audit, Transactions tx, Clock clock) {
        return new RegisterStaffUser(users, hasher, audit, tx, clock);
    }
}
