package no.kontor.adapters.web.testing;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.company.ChangeCompany;
import no.kontor.application.company.ImportPostalCodes;
import no.kontor.application.company.LookUpPostalCode;
import no.kontor.application.company.RegisterCompany;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryPostalCodes;
import no.kontor.application.testing.InMemoryStaffUsers;

@Factory
public class CompanyTestFactory {

    @Singleton
    InMemoryCompanies companies(DirectTransactions tx) {
        var companies = new InMemoryCompanies();
        tx.register(companies);
        return companies;
    }

    @Singleton
    InMemoryPostalCodes postalCodes() {
        return new InMemoryPostalCodes();
    }

    @Singleton
    RegisterCompany registerCompany(InMemoryCompanies companies, InMemoryPostalCodes codes, InMemoryStaffUsers staff,
                                    InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new RegisterCompany(companies, codes, staff, audit, tx, clock);
    }

    @Singleton
    ChangeCompany changeCompany(InMemoryCompanies companies, InMemoryPostalCodes codes, InMemoryStaffUsers staff,
                                InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new ChangeCompany(companies, codes, staff, audit, tx, clock);
    }

    @Singleton
    LookUpPostalCode lookUpPostalCode(InMemoryPostalCodes codes) {
        return new LookUpPostalCode(codes);
    }

    @Singleton
    ImportPostalCodes importPostalCodes(InMemoryPostalCodes codes, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new ImportPostalCodes(codes, audit, tx, clock);
    }

    @Singleton
    ViewCompany viewCompany(InMemoryCompanies companies) {
        return new ViewCompany(companies);
    }

    @Singleton
    SearchCompanies searchCompanies(InMemoryCompanies companies) {
        return new SearchCompanies(companies);
    }
}
