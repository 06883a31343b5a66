package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
import no.kontor.domain.invoice.InvoiceStatus;
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

/**
 * A sale on an invoice, draft or issued, is fixed: its stage, its lines and its
 * bookings stay as the invoice bills them; issuing checks every sale once more.
 * The use cases on in-memory ports.
 */
class SaleOnInvoiceTest {
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

    final BookPlacement booking = new BookPlacement(inventory.placements(), inventory, sales, audit, tx, clock);
    final ChangeSaleStage stages = new ChangeSaleStage(sales, booking, audit, tx, clock);
    final ManageSaleLines saleLines = new ManageSaleLines(sales, lines,
            () -> new VatRates(List.of(new VatRate(new BigDecimal("25"), LocalDate.of(2001, 1, 1), null, "standard"))),
            inventory.placements(), new NoPrices(), audit, tx, clock);
    final DraftInvoice drafting = new DraftInvoice(invoices, sales, lines, contacts, audit, tx, clock);
    final IssueInvoice issuing = new IssueInvoice(invoices, numbers, sales, companies, new InMemoryPostalCodes(), ehf, (ubl, kind) -> java.util.Optional.empty(),
            new TestCustomerPins(), jobs, settings, keys, audit, tx, clock);
    final CreditInvoice crediting = new CreditInvoice(invoices, numbers, sales, ehf, (ubl, kind) -> java.util.Optional.empty(), jobs, audit, tx, clock);

    static final class NoPrices implements no.kontor.application.inventory.PlacementPrices {
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

    @Test
    void aSaleOnADraftKeepsItsStageLinesAndBookings() {
        var sale = orderedSale();
        var draft = drafting.create(manager, List.of(sale), null, null).getId();
        var heldBooking = bookingOf(sale);

        refusedAsOnInvoice(() -> stages.execute(seller, sale, SaleStage.CANCELLED, "Kunden angret"), draft);
        refusedAsOnInvoice(() -> stages.execute(seller, sale, SaleStage.LOST, "Tapt"), draft);
        refusedAsOnInvoice(() -> saleLines.add(seller, sale, line("Mer")), draft);
        refusedAsOnInvoice(() -> booking.book(seller, sale, placement.id(), new Period(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2))),
                draft);
        refusedAsOnInvoice(() -> booking.cancel(seller, heldBooking.id()), draft);

        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(inventory.ofSale(sale)).singleElement().extracting(Booking::status).isEqualTo(Booking.Status.RESERVED);
        assertThat(lines.ofSale(sale)).hasSize(1);
        assertThat(booking.confirm(seller, heldBooking.id()).status()).as("confirming takes nothing away from what is billed")
                .isEqualTo(Booking.Status.CONFIRMED);

        var issued = issuing.execute(manager, draft, null);
        assertThat(issued.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.INVOICED);
    }

    @Test
    void aSaleOfAnIssuedInvoiceKeepsItsBookingsUntilAWholeCreditNoteFreesIt() {
        var sale = orderedSale();
        var invoice = drafting.create(manager, List.of(sale), null, null).getId();
        issuing.execute(manager, invoice, null);

        refusedAsOnInvoice(() -> booking.cancel(seller, bookingOf(sale).id()), invoice);
        refusedAsOnInvoice(() -> stages.execute(seller, sale, SaleStage.CANCELLED, "For sent"), invoice);
        assertThat(bookingOf(sale).status()).isEqualTo(Booking.Status.RESERVED);

        crediting.execute(manager, invoice, Set.of(), "Feil");
        assertThat(booking.cancel(seller, bookingOf(sale).id()).status()).as("off every invoice again, the sale is the seller's")
                .isEqualTo(Booking.Status.CANCELLED);
    }

    @Test
    void issuingRefusesADraftWhoseSaleIsNoLongerOrderedOnItAndSpendsNothing() {
        var kept = orderedSale();
        var bent = orderedSale();
        var draft = drafting.create(manager, List.of(kept, bent), null, null).getId();
        // what the old rules let through: the sale cancelled while it sat on the draft
        var onDraft = sales.find(bent).orElseThrow();
        sales.changeStage(new Sale(bent, onDraft.getCompanyId(), null, SaleStage.CANCELLED, "Angret", false, null,
                onDraft.getInvoiceId(), "selma", NOW, "selma", NOW, onDraft.getVersion()), SaleStage.ORDERED, "Angret");
        int eventsBefore = audit.events().size();

        assertThatThrownBy(() -> issuing.execute(manager, draft, null)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("invoice.sale-not-billable");
            assertThat(e.getMessage()).contains("sale " + bent.value(), "CANCELLED");
            assertThat(e.details()).containsEntry("saleId", bent.value());
        });
        assertThat(invoices.find(draft).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(numbers.next()).as("no number was spent").isEqualTo(1);
        assertThat(jobs.size()).isZero();
        assertThat(sales.find(kept).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(sales.find(bent).orElseThrow().getStage()).isEqualTo(SaleStage.CANCELLED);
        assertThat(audit.events()).hasSize(eventsBefore);
    }

    @Test
    void aSaleOffEveryInvoiceStillMovesAndReleasesItsBookings() {
        var sale = orderedSale();
        var draft = drafting.create(manager, List.of(sale), null, null);
        drafting.discard(manager, draft.getId(), draft.getVersion());
        stages.execute(seller, sale, SaleStage.CANCELLED, "Kunden angret");
        assertThat(sales.find(sale).orElseThrow().getStage()).isEqualTo(SaleStage.CANCELLED);
        assertThat(bookingOf(sale).status()).isEqualTo(Booking.Status.CANCELLED);
        assertThat(invoices.find(new InvoiceId(draft.getId().value()))).isEmpty();
    }
}
