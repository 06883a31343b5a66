package no.kontor.application.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.portal.port.CustomerSessions;
import no.kontor.application.portal.port.PinLogins;
import no.kontor.application.shared.port.Transactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCustomerSessions;
import no.kontor.application.testing.InMemoryPorts;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.CheckDigits;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/** The fakes My page's use cases run on, and issued invoices with a known PIN. */
final class PortalFixture {
    static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

    final InMemoryPorts ports = new InMemoryPorts();
    final TestClock clock = new TestClock(START);
    final PortalSettings settings = PortalSettings.defaults();
    final Transactions tx = ports.get(Transactions.class);
    final InMemoryAuditTrail audit = (InMemoryAuditTrail) ports.get(AuditTrail.class);
    final InMemoryCustomerSessions sessions = (InMemoryCustomerSessions) ports.get(CustomerSessions.class);
    final PinLogins logins = ports.get(PinLogins.class);
    final CustomerPins pins = ports.get(CustomerPins.class);
    final Invoices invoices = ports.get(Invoices.class);
    private long nextNumber = 1000;

    LogInCustomer logIn() {
        return new LogInCustomer(logins, sessions, pins, audit, tx, clock, settings);
    }

    CustomerSessionCheck check() {
        return new CustomerSessionCheck(sessions, tx, clock, settings);
    }

    LogOutCustomer logOut() {
        return new LogOutCustomer(sessions, audit, tx, clock);
    }

    InvoiceLogins invoiceLogins() {
        return new InvoiceLogins(logins, audit, tx, clock);
    }

    MyPage myPage() {
        return new MyPage(ports.get(Companies.class), invoices, ports.get(no.kontor.application.sale.port.Sales.class),
                ports.get(no.kontor.application.sale.port.SaleLines.class), ports.get(no.kontor.application.inventory.port.Bookings.class),
                ports.get(no.kontor.application.inventory.port.Placements.class), null, tx, clock);
    }

    CompanyId company(String name) {
        return tx.inTransaction(() -> ports.get(Companies.class).add(Company.register(CompanyDetails.parse(name, null,
                CompanyStatus.CUSTOMER, "Storgata 1", "0150", null, null, "faktura@kunde.example", null, null, null, null), "user:1",
                START))).getId();
    }

    Invoice draft(CompanyId company) {
        var line = new InvoiceLine(1, null, null, "Annonse", BigDecimal.ONE, "C62", 100000, BigDecimal.ZERO, TaxCategory.S,
                new BigDecimal("25"), null);
        return tx.inTransaction(() -> invoices.add(Invoice.draft(company, List.of(line), "Kari", null, "user:1", START)));
    }

    /** An issued invoice of {@code company} whose PIN is {@code pin}. */
    Invoice issued(CompanyId company, String pin) {
        var draft = draft(company);
        long number = nextNumber++;
        String payload = String.format("%014d", number);
        var seller = new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), null, null, null, "faktura@avisa.example", null,
                new BankAccountNumber("86011117947"), true, true);
        var buyer = new Buyer(company.value(), "Kunde AS", null, null, null, null, "k@kunde.example");
        var day = LocalDate.of(2026, 11, 24);
        return tx.inTransaction(() -> invoices.issue(draft.issue(new Invoice.Issue(number, day, day.plusDays(14),
                new Kid(payload + CheckDigits.mod10(payload)), seller, buyer), "user:1", START), "<Invoice/>", pins.hash(number, pin)));
    }
}
