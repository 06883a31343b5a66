package no.kontor.bootstrap;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.portal.CustomerSessionCheck;
import no.kontor.application.portal.InvoiceLogins;
import no.kontor.application.portal.LogInCustomer;
import no.kontor.application.portal.LogOutCustomer;
import no.kontor.application.portal.MyPage;
import no.kontor.application.portal.PortalSettings;
import no.kontor.application.portal.port.CustomerSessions;
import no.kontor.application.portal.port.PinLogins;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.port.Transactions;

/** My page's use cases (the portal context), with its limits from configuration (kontor.portal.*). */
@Factory
public class PortalUseCases {

    @Singleton
    PortalSettings portalSettings(@Value("${kontor.portal.lock-after:5}") int lockAfter, @Value("${kontor.portal.lock-for:15m}") Duration lockFor,
                                  @Value("${kontor.portal.per-address:20}") int perAddress,
                                  @Value("${kontor.portal.address-window:1h}") Duration addressWindow,
                                  @Value("${kontor.portal.burst-per-minute:100}") int burst, @Value("${kontor.portal.idle:30m}") Duration idle) {
        return new PortalSettings(lockAfter, lockFor, perAddress, addressWindow, burst, idle);
    }

    @Singleton
    LogInCustomer logInCustomer(PinLogins logins, CustomerSessions sessions, CustomerPins pins, AuditTrail audit, Transactions tx, Clock clock,
                                PortalSettings settings) {
        return new LogInCustomer(logins, sessions, pins, audit, tx, clock, settings);
    }

    @Singleton
    CustomerSessionCheck customerSessionCheck(CustomerSessions sessions, Transactions tx, Clock clock, PortalSettings settings) {
        return new CustomerSessionCheck(sessions, tx, clock, settings);
    }

    @Singleton
    LogOutCustomer logOutCustomer(CustomerSessions sessions, AuditTrail audit, Transactions tx, Clock clock) {
        return new LogOutCustomer(sessions, audit, tx, clock);
    }

    @Singleton
    InvoiceLogins invoiceLogins(PinLogins logins, AuditTrail audit, Transactions tx, Clock clock) {
        return new InvoiceLogins(logins, audit, tx, clock);
    }

    @Singleton
    MyPage myPage(Companies companies, Invoices invoices, Sales sales, SaleLines lines, Bookings bookings, Placements placements,
                  no.kontor.application.advertising.port.AdStatistics adStatistics, Transactions tx, Clock clock) {
        return new MyPage(companies, invoices, sales, lines, bookings, placements, adStatistics, tx, clock);
    }
}
