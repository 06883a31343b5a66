package no.kontor.adapters.persistence.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.company.port.Companies;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.sale.SaleFilter;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.sale.port.VatRateTable;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatCategory;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;

/** Sales, lines, prices, VAT rates and idempotency keys on real PostgreSQL. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalePersistenceTest implements UsesTestDatabase {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Inject
    Sales sales;
    @Inject
    SaleLines lines;
    @Inject
    VatRateTable vatRates;
    @Inject
    Placements placements;
    @Inject
    PlacementPrices prices;
    @Inject
    IdempotencyKeys keys;
    @Inject
    Companies companies;
    @Inject
    Transactions tx;

    CompanyId company;

    @BeforeAll
    void setUp() {
        company = companies.add(Company.register(CompanyDetails.parse("Lagret AS", null, CompanyStatus.CUSTOMER, null, null, null,
                null, null, null, null, null, null), "test", NOW)).getId();
    }

    Sale sale(SaleStage stage) {
        return sales.add(Sale.open(company, null, stage, false, null, "test", NOW));
    }

    SaleLine line(SaleId sale, String quantity, long price, VatCategory category, String reason) {
        return SaleLine.check(null, sale, new SaleLine.Input(null, "Linje", new BigDecimal(quantity), SaleUnit.HOUR, price,
                new BigDecimal("12.5"), category, null, reason), vatRates.rates(), LocalDate.of(2026, 11, 24));
    }

    @Test
    void linesKeepTheirDecimalsExactlyAndComeBackPerSale() {
        var a = sale(SaleStage.LEAD).getId();
        var b = sale(SaleStage.LEAD).getId();
        var first = lines.add(line(a, "0.125", 99999, VatCategory.S, null));
        lines.add(line(a, "7.5", 1, VatCategory.E, "Unntatt"));
        lines.add(line(b, "1", 1, VatCategory.Z, null));
        var read = lines.find(a, first.id()).orElseThrow();
        assertThat(read).isEqualTo(first);
        assertThat(read.quantity()).isEqualByComparingTo("0.125");
        assertThat(read.discountPercent()).isEqualByComparingTo("12.5");
        assertThat(read.vatPercent()).isEqualByComparingTo("25");
        assertThat(lines.find(b, first.id())).as("a line is found through its own sale only").isEmpty();
        var bySale = lines.ofSales(List.of(a, b, new SaleId(999_999)));
        assertThat(bySale.get(a)).hasSize(2);
        assertThat(bySale.get(b)).extracting(SaleLine::vatCategory).containsExactly(VatCategory.Z);
        assertThat(lines.ofSales(List.of())).isEmpty();
    }

    @Test
    void theTableRefusesALineWhoseCategoryAndPercentDisagree() {
        var s = sale(SaleStage.LEAD).getId();
        var wrong = new SaleLine(null, s, null, "x", BigDecimal.ONE, SaleUnit.PIECE, 1, BigDecimal.ZERO, VatCategory.Z,
                new BigDecimal("25"), null);
        assertThatThrownBy(() -> lines.add(wrong)).hasMessageContaining("sale_line");
    }

    @Test
    void theStandardRatesAreSeededWithTheirDays() {
        var rates = vatRates.rates();
        assertThat(rates.on(LocalDate.of(2026, 11, 24))).extracting(BigDecimal::toPlainString).containsExactly("25", "15", "12");
        assertThat(rates.on(LocalDate.of(2021, 9, 30))).extracting(BigDecimal::toPlainString).containsExactly("25", "15");
    }

    @Test
    void aSaleHeaderUpdateIsVersionedAndTheListFiltersAndPages() {
        var s = sale(SaleStage.ORDERED);
        var changed = sales.update(s.change(null, true, "Bytte", "test", NOW));
        assertThat(changed.getVersion()).isEqualTo(s.getVersion() + 1);
        assertThatThrownBy(() -> sales.update(s.change(null, false, "Gammel", "test", NOW))).isInstanceOf(StaleVersionException.class);
        var page = sales.list(new SaleFilter(company, null, SaleStage.ORDERED, null, null, true), null, 1);
        assertThat(page.items()).extracting(Sale::getId).first().isEqualTo(s.getId());
        assertThatThrownBy(() -> sales.list(new SaleFilter(null, null, null, null, null, null), "Zm9v", 10))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void placementPricesOverlapNowhereEvenWithoutTheJavaCheck() {
        var p = placements.add(new Placement(null, "Prislagret", null, null, Placement.Unit.DAY, true, NOW, NOW, 0)).id();
        prices.add(PlacementPrice.check(p, LocalDate.of(2027, 1, 1), null, 100L), "test", NOW);
        assertThatThrownBy(() -> prices.add(PlacementPrice.check(p, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 2), 1L), "test", NOW))
                .isInstanceOf(ConflictException.class);
        prices.add(PlacementPrice.check(p, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 90L), "test", NOW);
        assertThat(prices.of(p)).extracting(PlacementPrice::unitPrice).containsExactly(90L, 100L);
    }

    @Test
    void aKeyIsFreshThenEarlierWithItsOutcomeAndTakenOverOnceItExpires() {
        var day = Duration.ofDays(1);
        assertThat(tx.inTransaction(() -> {
            var claim = keys.claim("public", "k1", "h1", day, NOW);
            keys.complete("public", "k1", "sale=1");
            return claim;
        })).isInstanceOf(IdempotencyKeys.Fresh.class);
        assertThat(tx.inTransaction(() -> keys.claim("public", "k1", "h2", day, NOW.plusSeconds(60))))
                .isEqualTo(new IdempotencyKeys.Earlier("h1", "sale=1"));
        assertThat(tx.inTransaction(() -> keys.claim("user:7", "k1", "h2", day, NOW))).as("scopes are apart")
                .isInstanceOf(IdempotencyKeys.Fresh.class);
        assertThat(tx.inTransaction(() -> keys.claim("public", "k1", "h2", day, NOW.plus(day).plusSeconds(1))))
                .as("an expired key starts again").isInstanceOf(IdempotencyKeys.Fresh.class);
        assertThat(tx.inTransaction(() -> keys.claim("public", "k1", "h3", day, NOW.plus(day).plusSeconds(2))))
                .isEqualTo(new IdempotencyKeys.Earlier("h2", null));
    }

    @Test
    void aKeyClaimedInATransactionThatRollsBackIsFreeAgain() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            keys.claim("public", "k-rollback", "h", Duration.ofDays(1), NOW);
            throw new IllegalStateException("the order failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tx.inTransaction(() -> keys.claim("public", "k-rollback", "h", Duration.ofDays(1), NOW)))
                .isInstanceOf(IdempotencyKeys.Fresh.class);
    }
}
