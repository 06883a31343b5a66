package no.kontor.application.sale;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.sale.port.VatRateTable;

/**
 * A seller adds, changes and removes a sale's lines while the sale is open. Each
 * change holds the sale's row lock, raises the sale's version (its ETag covers its
 * lines) and is audited on the sale. A placement line takes the placement's name,
 * unit and the price valid today unless the seller gives them. A sale holds at most
 * {@code maxLines} lines, however they arrive (typed, from hours, from the order form):
 * a sale with a hundred thousand lines would become an invoice nobody can render.
 */
public final class ManageSaleLines {
    private final Sales sales;
    private final SaleLines lines;
    private final VatRateTable vatRates;
    private final Placements placements;
    private final PlacementPrices prices;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final int maxLines;

    public ManageSaleLines(Sales sales, SaleLines lines, VatRateTable vatRates, Placements placements, PlacementPrices prices,
                           AuditTrail audit, Transactions tx, Clock clock) {
        this(sales, lines, vatRates, placements, prices, audit, tx, clock, SaleLine.MAX_LINES);
    }

    /** @param maxLines the most lines a sale may have ({@code kontor.sales.max-lines}) */
    public ManageSaleLines(Sales sales, SaleLines lines, VatRateTable vatRates, Placements placements, PlacementPrices prices,
                           AuditTrail audit, Transactions tx, Clock clock, int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("kontor.sales.max-lines must be at least 1, not " + maxLines);
        }
        this.maxLines = maxLines;
        this.sales = sales;
        this.lines = lines;
        this.vatRates = vatRates;
        this.placements = placements;
        this.prices = prices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public SaleView add(Actor actor, SaleId saleId, SaleLine.Input input) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var sale = lockChangeable(saleId, null);
            var stored = addChecked(saleId, input);
            return touched(actor, sale, "line-added", Map.of(), withId(stored));
        });
    }

    public SaleView change(Actor actor, SaleId saleId, long lineId, long expectedVersion, SaleLine.Input input) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var sale = lockChangeable(saleId, expectedVersion);
            var before = lines.find(saleId, lineId).orElseThrow(() -> new NotFoundException("sale line", lineId));
            var after = lines.update(check(saleId, lineId, input));
            return touched(actor, sale, "line-changed", withId(before), withId(after));
        });
    }

    public SaleView remove(Actor actor, SaleId saleId, long lineId, long expectedVersion) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var sale = lockChangeable(saleId, expectedVersion);
            var before = lines.find(saleId, lineId).orElseThrow(() -> new NotFoundException("sale line", lineId));
            lines.remove(saleId, lineId);
            return touched(actor, sale, "line-removed", withId(before), Map.of());
        });
    }

    /** Adds a checked line inside the caller's transaction, which holds the sale's lock (hours, the order form). */
    SaleLine addChecked(SaleId saleId, SaleLine.Input input) {
        var line = check(saleId, null, input);
        if (lines.ofSale(saleId).size() >= maxLines) {
            throw new ConflictException("sale.too-many-lines", "The sale " + saleId + " has at most " + maxLines
                    + " lines (kontor.sales.max-lines): open another sale for more", Map.of("maxLines", maxLines));
        }
        return lines.add(line);
    }

    private Sale lockChangeable(SaleId saleId, Long expectedVersion) {
        var sale = sales.lock(saleId).orElseThrow(() -> new NotFoundException("sale", saleId));
        if (expectedVersion != null && sale.getVersion() != expectedVersion) {
            throw new StaleVersionException("sale", saleId, expectedVersion);
        }
        sale.requireChangeable();
        return sale;
    }

    private SaleView touched(Actor actor, Sale sale, String action, Map<String, ?> before, Map<String, ?> after) {
        var stored = sales.update(sale.touched(actor.auditName(), clock.instant()));
        audit.record(AuditEvent.of(actor, clock.instant(), "sale", sale.getId(), action, before, after, null));
        return SaleView.of(stored, lines.ofSale(sale.getId()));
    }

    private static Map<String, Object> withId(SaleLine line) {
        var m = new LinkedHashMap<String, Object>();
        m.put("lineId", line.id());
        m.putAll(line.auditFields());
        return m;
    }

    private SaleLine check(SaleId saleId, Long lineId, SaleLine.Input input) {
        var today = BusinessDays.dayOf(clock.instant());
        return SaleLine.check(lineId, saleId, input.placementId() == null ? input : placementDefaults(input, today),
                vatRates.rates(), today);
    }

    private SaleLine.Input placementDefaults(SaleLine.Input in, java.time.LocalDate today) {
        var id = new PlacementId(in.placementId());
        var placement = placements.find(id).orElseThrow(() -> new ValidationException("placementId", "line.placement-unknown",
                "There is no placement " + in.placementId()));
        Long unitPrice = in.unitPrice();
        if (unitPrice == null) {
            unitPrice = PlacementPrice.on(prices.of(id), today).map(PlacementPrice::unitPrice).orElseThrow(() ->
                    new ValidationException("unitPrice", "line.placement-unpriced",
                            placement.name() + " has no price on " + today + "; give the unit price"));
        }
        return new SaleLine.Input(in.placementId(), in.description() == null ? placement.name() : in.description(), in.quantity(),
                in.unit() == null ? SaleUnit.valueOf(placement.unit().name()) : in.unit(), unitPrice, in.discountPercent(),
                in.vatCategory(), in.vatPercent(), in.exemptionReason());
    }
}
