package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.sale.ChangeSaleStage;
import no.kontor.application.sale.ManageSaleLines;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryContacts;
import no.kontor.application.testing.InMemoryIdempotencyKeys;
import no.kontor.application.testing.InMemoryInventory;
import no.kontor.application.testing.InMemoryInvoiceJobs;
import no.kontor.application.testing.InMemoryInvoiceNumbers;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryPostalCodes;
import no.kontor.application.testing.InMemorySales;
import no.kontor.application.testing.TestClock;
import no.kontor.application.testing.TestCustomerPins;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatRate;
import no.kontor.domain.sale.VatRates;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.application.invoice.port.DocumentValidator;
import no.kontor.application.invoice.port.EhfDocuments;

/**
 * The invoicing use cases wired on in-memory ports, with a company, a placement and a way
 * to make an ordered sale: what the tests of sales on invoices and of frozen documents
 * share. A test sets {@link #problem} to have the document check refuse what is issued.
 */
abstract class InvoicingWorld {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    final TestClock clock = new TestClock(NOW);
    final InMemorySales sales = new InMemorySales();
    final InMemorySales.Lines lines = new InMemorySales.Lines();
    final InMemoryInvoices invoices = new InMemoryInvoices();
    final InMemoryInvoiceNumbers numbers = new InMemoryInvoiceNumbers();
    final InMemoryInvoiceJobs jobs = new InMemoryInvoiceJobs(clock);
    final InMemoryCompanies companies = new InMemoryCompanies();
    final InMemoryContacts contacts = new InMemoryContacts();
    final InMemoryInventory inventory = new InMemoryInventory();
    final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final DirectTransactions tx = new DirectTransactions().register(sales).register(lines).register(invoices).register(numbers)
            .register(jobs).register(inventory).register(inventory.placements()).register(keys);

    final InvoiceSettings settings = new InvoiceSettings("Lokalavisa AS", new OrganisationNumber("974760673"), "Storgata 1", "0150",
            "OSLO", "faktura@avisa.example", null, new BankAccountNumber("86011117947"), true, LocalDate.of(2024, 1, 1), 14,
            Kid.Algorithm.MOD10, 15, 7);
    final EhfDocuments ehf = (issued, credited) -> "<Invoice/>";
    volatile String problem;
    final DocumentValidator documents = (ubl, kind) -> java.util.Optional.ofNullable(problem);

    final BookPlacement booking = new BookPlacement(inventory.placements(), inventory, sales, audit, tx, clock);
    final ChangeSaleStage stages = new ChangeSaleStage(sales, booking, audit, tx, clock);
    final ManageSaleLines saleLines = new ManageSaleLines(sales, lines,
            () -> new VatRates(List.of(new VatRate(new BigDecimal("25"), LocalDate.of(2001, 1, 1), null, "standard"))),
            inventory.placements(), new NoPrices(), audit, tx, clock);
    final DraftInvoice drafting = new DraftInvoice(invoices, sales, lines, contacts, audit, tx, clock);
    final TestCustomerPins pins = new TestCustomerPins();
    final IssueInvoice issuing = new IssueInvoice(invoices, numbers, sales, companies, new InMemoryPostalCodes(), ehf, documents,
            pins, jobs, settings, keys, audit, tx, clock);
    final CreditInvoice crediting = new CreditInvoice(invoices, numbers, sales, ehf, documents, jobs, audit, tx, clock);

    static final class NoPrices implements no.kontor.application.inventory.port.PlacementPrices {
        @Override
        public no.kontor.application.shared.Page<no.kontor.domain.inventory.PlacementPrice> page(
                no.kontor.domain.inventory.PlacementId placementId, String cursor, int limit) {
            return new no.kontor.application.shared.Page<>(List.of(), null);
        }

        @Override
        public no.kontor.domain.inventory.PlacementPrice add(no.kontor.domain.inventory.PlacementPrice price, String actor, Instant at) {
            return price;
        }

        @Override
        public List<no.kontor.domain.inventory.PlacementPrice> of(no.kontor.domain.inventory.PlacementId placementId) {
            return List.of();
        }
    }

    final Actor seller = Actor.staff(1, "selma", Role.SELLER);
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);

    final Company company = companies.add(Company.register(CompanyDetails.parse("Kunde AS", "991825827", CompanyStatus.CUSTOMER,
            null, null, null, null, null, null, null, null, null), "test", NOW));
    final Placement placement = inventory.placements().add(new Placement(null, "Toppbanner", null, "Forside", Placement.Unit.DAY,
            true, NOW, NOW, 0));

    /** An ordered sale with one line and one reserved booking. */
    SaleId orderedSale() {
        var sale = sales.add(Sale.open(company.getId(), null, SaleStage.ORDERED, false, null, "selma", NOW)).getId();
        saleLines.add(seller, sale, line("Helside"));
        booking.book(seller, sale, placement.id(), new Period(LocalDate.of(2027, 3, (int) sale.value()), LocalDate.of(2027, 3,
                (int) sale.value())));
        return sale;
    }

    static SaleLine.Input line(String description) {
        return new SaleLine.Input(null, description, BigDecimal.ONE, SaleUnit.PIECE, 100000L, null, null, null, null);
    }

    Booking bookingOf(SaleId sale) {
        return inventory.ofSale(sale).get(0);
    }

    static void refusedAsOnInvoice(Runnable change, InvoiceId invoice) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("sale.on-invoice");
            assertThat(e.getMessage()).contains("invoice " + invoice.value());
            assertThat(e.details()).containsEntry("invoiceId", invoice.value());
        });
    }
}
