package no.kontor.application.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import no.kontor.application.activity.port.Activities;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;
import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.application.identity.port.LoginThrottle;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.port.Payments;
import no.kontor.application.sale.port.OrderFormPosts;
import no.kontor.application.sale.port.PublicOrders;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;

/**
 * Every in-memory fake, wired as the JDBC adapters are (one transaction boundary over all
 * stores), looked up by the port it implements: what the port contracts run on when they
 * run without a database.
 */
public final class InMemoryPorts {
    private final Map<Class<?>, Object> ports = new HashMap<>();
    private final DirectTransactions tx = new DirectTransactions();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    public InMemoryPorts() {
        var sales = tx.registered(new InMemorySales());
        var inventory = tx.registered(new InMemoryInventory().withSales(sales));
        put(Transactions.class, tx);
        put(Clock.class, clock);
        put(Contacts.class, tx.registered(new InMemoryContacts()));
        put(Activities.class, tx.registered(new InMemoryActivities()));
        put(PostalCodeRegister.class, new InMemoryPostalCodes());
        put(Sales.class, sales);
        put(SaleLines.class, tx.registered(new InMemorySales.Lines()));
        put(Bookings.class, inventory);
        put(Placements.class, tx.registered((InMemoryInventory.Placements) inventory.placements()));
        put(PlacementPrices.class, tx.registered(new InMemoryInventory.Prices()));
        put(PublicOrders.class, tx.registered(new InMemoryPublicOrders()));
        put(OrderFormPosts.class, tx.registered(new InMemoryPublicOrders.Posts()));
        put(StaffUsers.class, tx.registered(new InMemoryStaffUsers()));
        put(LoginThrottle.class, new InMemoryLoginThrottle());
        var invoices = tx.registered(new InMemoryInvoices());
        var reminders = tx.registered(new InMemoryInvoiceReminders());
        var companies = tx.registered(new InMemoryCompanies());
        put(Invoices.class, invoices);
        put(InvoiceReminders.class, reminders);
        put(Companies.class, companies);
        put(no.kontor.application.reporting.port.ReportQueries.class, new InMemoryReportQueries(invoices, reminders, companies, sales,
                inventory));
        put(InvoiceNumbers.class, tx.registered(new InMemoryInvoiceNumbers()));
        put(InvoiceJobs.class, tx.registered(new InMemoryInvoiceJobs(clock)));
        put(Payments.class, tx.registered(new InMemoryPayments()));
        put(OcrImports.class, tx.registered(new InMemoryOcrImports()));
        put(AuditTrail.class, tx.registered(new InMemoryAuditTrail()));
        put(IdempotencyKeys.class, tx.registered(new InMemoryIdempotencyKeys()));
        put(CustomerPins.class, new TestCustomerPins());
        put(no.kontor.application.portal.port.PinLogins.class, tx.registered(new InMemoryPinLogins(invoices)));
        put(no.kontor.application.portal.port.CustomerSessions.class, tx.registered(new InMemoryCustomerSessions(invoices)));
        put(no.kontor.application.invoice.port.CustomerCopies.class, tx.registered(new InMemoryCustomerCopies()));
        put(no.kontor.application.reporting.port.SiteStatistics.class, new InMemorySiteStatistics());
        put(no.kontor.application.reporting.port.Goals.class, new InMemoryGoals());
        put(no.kontor.application.reporting.port.Dashboards.class, new InMemoryDashboards());
    }

    private <T> void put(Class<T> port, T fake) {
        ports.put(port, fake);
    }

    public <T> T get(Class<T> port) {
        var fake = ports.get(port);
        if (fake == null) {
            throw new IllegalArgumentException("no in-memory fake for " + port.getName());
        }
        return port.cast(fake);
    }
}
