package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.sale.ManageSaleLines;
import no.kontor.application.sale.RegisterTime;
import no.kontor.application.sale.port.TimeEntries;
import no.kontor.application.shared.Page;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryContacts;
import no.kontor.application.testing.InMemoryInventory;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemorySales;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.TimeEntry;
import no.kontor.domain.sale.VatRate;
import no.kontor.domain.sale.VatRates;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.sale.TimeEntryFilter;

/** An invoice and a sale hold a bounded number of lines, whichever way the lines arrive. */
class LineCapTest {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    final TestClock clock = new TestClock(NOW);
    final InMemorySales sales = new InMemorySales();
    final InMemorySales.Lines lines = new InMemorySales.Lines();
    final InMemoryInvoices invoices = new InMemoryInvoices();
    final InMemoryInventory inventory = new InMemoryInventory();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final Entries entries = new Entries();
    final DirectTransactions tx = new DirectTransactions().register(sales).register(lines).register(invoices);
    final Actor seller = Actor.staff(1, "selma", Role.SELLER);
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);

    ManageSaleLines saleLines(int maxLines) {
        return new ManageSaleLines(sales, lines,
                () -> new VatRates(List.of(new VatRate(new BigDecimal("25"), LocalDate.of(2001, 1, 1), null, "standard"))),
                inventory.placements(), new NoPrices(), audit, tx, clock, maxLines);
    }

    SaleId orderedSale(ManageSaleLines with, int lineCount) {
        var sale = sales.add(Sale.open(new CompanyId(1), null, SaleStage.ORDERED, false, null, "selma", NOW)).getId();
        for (int i = 0; i < lineCount; i++) {
            with.add(seller, sale, new SaleLine.Input(null, "Linje " + i, BigDecimal.ONE, SaleUnit.PIECE, 100L, null, null, null, null));
        }
        return sale;
    }

    @Test
    void aDraftBeyondTheLineCapIsRefusedNamingTheLimitAndNothingIsWritten() {
        var with = saleLines(100);
        var drafting = new DraftInvoice(invoices, sales, lines, new InMemoryContacts(), audit, tx, clock, 5);
        var a = orderedSale(with, 3);
        var b = orderedSale(with, 3);
        assertThatThrownBy(() -> drafting.create(manager, List.of(a, b), "Kari", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.field()).isEqualTo("saleIds");
                    assertThat(err.code()).isEqualTo("invoice.too-many-lines");
                    assertThat(err.message()).contains("at most 5 lines", "6");
                }));
        assertThat(invoices.size()).isZero();
        assertThat(sales.find(a).orElseThrow().getInvoiceId()).isNull();
        assertThat(drafting.create(manager, List.of(a), "Kari", null).getLines()).as("at the cap is fine").hasSize(3);
    }

    @Test
    void theInvoiceCapDefaultsTo500() {
        var with = saleLines(1000);
        var drafting = new DraftInvoice(invoices, sales, lines, new InMemoryContacts(), audit, tx, clock);
        var a = orderedSale(with, 300);
        var b = orderedSale(with, 201);
        assertThatThrownBy(() -> drafting.create(manager, List.of(a, b), "Kari", null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("invoice.too-many-lines");
    }

    @Test
    void hoursCannotGrowASaleBeyondItsLineCap() {
        var with = saleLines(3);
        var sale = orderedSale(with, 3);
        assertThatThrownBy(() -> with.add(seller, sale, new SaleLine.Input(null, "x", BigDecimal.ONE, SaleUnit.PIECE, 1L, null, null,
                null, null))).isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("sale.too-many-lines");
                    assertThat(e.getMessage()).contains("at most 3 lines");
                });
        var time = new RegisterTime(sales, entries, with, lines, audit, tx, clock);
        assertThatThrownBy(() -> time.register(seller, new RegisterTime.Command(sale, LocalDate.of(2026, 11, 23), BigDecimal.ONE,
                "Workshop", 120000L, null))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("sale.too-many-lines"));
        assertThat(lines.ofSale(sale)).hasSize(3);
        assertThat(entries.added).isEmpty();
    }

    static final class NoPrices implements PlacementPrices {
        @Override
        public no.kontor.application.shared.Page<no.kontor.domain.inventory.PlacementPrice> page(
                no.kontor.domain.inventory.PlacementId placementId, String cursor, int limit) {
            return new no.kontor.application.shared.Page<>(List.of(), null);
        }

        @Override
        public PlacementPrice add(PlacementPrice price, String actor, Instant at) {
            return price;
        }

        @Override
        public List<PlacementPrice> of(PlacementId placementId) {
            return List.of();
        }
    }

    static final class Entries implements TimeEntries {
        final List<TimeEntry> added = new ArrayList<>();

        @Override
        public TimeEntry add(TimeEntry entry) {
            added.add(entry);
            return entry;
        }

        @Override
        public Optional<TimeEntry> find(long id) {
            return Optional.empty();
        }

        @Override
        public void remove(long id) {
        }

        @Override
        public Page<TimeEntry> list(TimeEntryFilter filter, String cursor, int limit) {
            return new Page<>(List.of(), null);
        }
    }
}
