package no.kontor.adapters.web.testing;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.invoice.PrintCustomerCopy;
import no.kontor.application.invoice.ResetInvoicePin;
import no.kontor.application.portal.CustomerSessionCheck;
import no.kontor.application.portal.InvoiceLogins;
import no.kontor.application.portal.LogInCustomer;
import no.kontor.application.portal.LogOutCustomer;
import no.kontor.application.portal.MyPage;
import no.kontor.application.portal.PortalSettings;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryCustomerCopies;
import no.kontor.application.testing.InMemoryCustomerSessions;
import no.kontor.application.testing.InMemoryInvoiceJobs;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryPinLogins;
import no.kontor.application.testing.TestCustomerPins;

/** My page's use cases and the invoice's PIN and customer's copy, on the in-memory fakes the other factories share. */
@Factory
public class PortalTestFactory {

    @Singleton
    TestCustomerPins customerPins() {
        return new TestCustomerPins();
    }

    @Singleton
    PortalSettings portalSettings() {
        return PortalSettings.defaults();
    }

    @Singleton
    InMemoryPinLogins pinLogins(InMemoryInvoices invoices, DirectTransactions tx) {
        return tx.registered(new InMemoryPinLogins(invoices));
    }

    @Singleton
    InMemoryCustomerSessions customerSessions(InMemoryInvoices invoices, DirectTransactions tx) {
        return tx.registered(new InMemoryCustomerSessions(invoices));
    }

    @Singleton
    InMemoryCustomerCopies customerCopies(DirectTransactions tx) {
        return tx.registered(new InMemoryCustomerCopies());
    }

    @Singleton
    LogInCustomer logInCustomer(InMemoryPinLogins logins, InMemoryCustomerSessions sessions, TestCustomerPins pins, InMemoryAuditTrail audit,
                                DirectTransactions tx, Clock clock, PortalSettings settings) {
        return new LogInCustomer(logins, sessions, pins, audit, tx, clock, settings);
    }

    @Singleton
    CustomerSessionCheck customerSessionCheck(InMemoryCustomerSessions sessions, DirectTransactions tx, Clock clock, PortalSettings settings) {
        return new CustomerSessionCheck(sessions, tx, clock, settings);
    }

    @Singleton
    LogOutCustomer logOutCustomer(InMemoryCustomerSessions sessions, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new LogOutCustomer(sessions, audit, tx, clock);
    }

    @Singleton
    InvoiceLogins invoiceLogins(InMemoryPinLogins logins, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new InvoiceLogins(logins, audit, tx, clock);
    }

    @Singleton
    MyPage myPage(InMemoryCompanies companies, InMemoryInvoices invoices, no.kontor.application.testing.InMemorySales sales,
                  no.kontor.application.testing.InMemorySales.Lines lines, no.kontor.application.testing.InMemoryInventory inventory,
                  DirectTransactions tx, Clock clock) {
        return new MyPage(companies, invoices, sales, lines, inventory, inventory.placements(), null, tx, clock);
    }

    @Singleton
    ResetInvoicePin resetInvoicePin(InMemoryInvoices invoices, TestCustomerPins pins, InMemoryInvoiceJobs jobs, InMemoryAuditTrail audit,
                                    DirectTransactions tx, Clock clock) {
        return new ResetInvoicePin(invoices, pins, jobs, audit, tx, clock);
    }

    @Singleton
    PrintCustomerCopy printCustomerCopy(InMemoryInvoices invoices, InMemoryCustomerCopies copies, InMemoryInvoiceJobs jobs,
                                        InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new PrintCustomerCopy(invoices, copies, jobs, audit, tx, clock);
    }
}
