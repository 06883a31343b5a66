package no.kontor.application.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.inventory.port.SaleStatus;
import no.kontor.application.sale.SaleFilter;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.Page;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.sale.StageChange;

/** Sales in memory, versioned like the table; their lines in {@link Lines}. (No paging: one page holds everything.) */
public final class InMemorySales extends InMemoryStore<Sale> implements Sales, SaleStatus {
    private record Change(long id, SaleId saleId, StageChange change) {
    }

    private final List<Change> changes = new ArrayList<>();

    @Override
    public Sale add(Sale sale) {
        synchronized (rows) {
            var stored = sale.withId(new SaleId(nextId()));
            rows.put(stored.getId().value(), stored);
            // as the JDBC adapter does: the history starts with the stage the sale was opened in
            changes.add(new Change(changes.size() + 1, stored.getId(),
                    new StageChange(null, stored.getStage(), null, stored.getCreatedBy(), stored.getCreatedAt())));
            return stored;
        }
    }

    /** Every sale, for the reporting fake. */
    public List<Sale> all() {
        synchronized (rows) {
            return List.copyOf(rows.values());
        }
    }

    @Override
    public Optional<Sale> find(SaleId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value()));
        }
    }

    @Override // Sales and SaleStatus
    public Optional<Sale> lock(SaleId id) {
        return find(id);
    }

    @Override
    public Sale update(Sale changed) {
        synchronized (rows) {
            var current = rows.get(changed.getId().value());
            if (current == null || current.getVersion() != changed.getVersion()) {
                throw new StaleVersionException("sale", changed.getId(), changed.getVersion());
            }
            var stored = new Sale(changed.getId(), changed.getCompanyId(), changed.getResponsibleSellerId(), changed.getStage(),
                    changed.getStageReason(), changed.isBarter(), changed.getDescription(), changed.getInvoiceId(), changed.getCreatedBy(),
                    changed.getCreatedAt(), changed.getChangedBy(), changed.getChangedAt(), changed.getVersion() + 1);
            rows.put(stored.getId().value(), stored);
            return stored;
        }
    }

    @Override
    public Page<Sale> list(SaleFilter filter, String cursor, int limit) {
        synchronized (rows) {
            return new Page<>(rows.descendingMap().values().stream()
                    .filter(s -> filter.companyId() == null || s.getCompanyId().equals(filter.companyId()))
                    .filter(s -> filter.stage() == null || s.getStage() == filter.stage()).limit(limit).toList(), null);
        }
    }

    @Override
    public Sale changeStage(Sale changed, no.kontor.domain.sale.SaleStage from, String reason) {
        var stored = update(changed);
        synchronized (rows) {
            changes.add(new Change(changes.size() + 1, stored.getId(),
                    new StageChange(from, stored.getStage(), reason, stored.getChangedBy(), stored.getChangedAt())));
        }
        return stored;
    }

    @Override
    public Optional<no.kontor.domain.sale.SaleStage> stageOf(SaleId saleId) {
        return find(saleId).map(Sale::getStage);
    }

    @Override
    public List<StageChange> history(SaleId id) {
        synchronized (rows) {
            return changes.stream().filter(c -> c.saleId().equals(id)).map(Change::change).toList();
        }
    }

    @Override
    public Page<StageChange> history(SaleId id, String cursor, int limit) {
        synchronized (rows) {
            var page = InMemoryPages.ascending("stage-history", changes.stream().filter(c -> c.saleId().equals(id)).toList(),
                    c -> List.of(c.id()), cursor, limit);
            return new Page<>(page.items().stream().map(Change::change).toList(), page.nextCursor());
        }
    }

    /** The lines of the sales, in the order they were added. */
    public static final class Lines extends InMemoryStore<SaleLine> implements SaleLines {

        @Override
        public SaleLine add(SaleLine line) {
            synchronized (rows) {
                var stored = line.withId(nextId());
                rows.put(stored.id(), stored);
                return stored;
            }
        }

        @Override
        public Optional<SaleLine> find(SaleId saleId, long lineId) {
            synchronized (rows) {
                return Optional.ofNullable(rows.get(lineId)).filter(l -> l.saleId().equals(saleId));
            }
        }

        @Override
        public SaleLine update(SaleLine line) {
            synchronized (rows) {
                rows.put(line.id(), line);
                return line;
            }
        }

        @Override
        public void remove(SaleId saleId, long lineId) {
            synchronized (rows) {
                rows.remove(lineId);
            }
        }

        @Override
        public List<SaleLine> ofSale(SaleId saleId) {
            synchronized (rows) {
                return rows.values().stream().filter(l -> l.saleId().equals(saleId)).toList();
            }
        }

        @Override
        public Map<SaleId, List<SaleLine>> ofSales(Collection<SaleId> saleIds) {
            var bySale = new LinkedHashMap<SaleId, List<SaleLine>>();
            saleIds.forEach(id -> bySale.put(id, ofSale(id)));
            return bySale;
        }
    }
}
