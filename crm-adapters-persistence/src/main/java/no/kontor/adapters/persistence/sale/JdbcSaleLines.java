package no.kontor.adapters.persistence.sale;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.shared.ConflictException;

/**
 * Sale lines through a Micronaut Data repository; numeric columns map to {@link java.math.BigDecimal}
 * exactly (the mapper strips the scale PostgreSQL adds).
 */
@Singleton
public class JdbcSaleLines implements SaleLines {
    private final SaleLineRepository repository;
    private final SaleLineEntityMapper mapper;

    public JdbcSaleLines(SaleLineRepository repository, SaleLineEntityMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public SaleLine add(SaleLine line) {
        return mapper.toDomain(repository.save(mapper.toEntity(line)));
    }

    @Override
    public Optional<SaleLine> find(SaleId saleId, long lineId) {
        return repository.findByIdAndSaleId(lineId, saleId.value()).map(mapper::toDomain);
    }

    @Override
    public SaleLine update(SaleLine line) {
        return mapper.toDomain(repository.update(mapper.toEntity(line)));
    }

    @Override
    public void remove(SaleId saleId, long lineId) {
        try {
            repository.deleteByIdAndSaleId(lineId, saleId.value());
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.FOREIGN_KEY_VIOLATION, "time_entry")) {
                throw new ConflictException("line.has-time-entry", "The line " + lineId
                        + " is registered hours: remove the time entry, and its line goes with it");
            }
            throw e;
        }
    }

    @Override
    public List<SaleLine> ofSale(SaleId saleId) {
        return repository.findBySaleIdOrderById(saleId.value()).stream().map(mapper::toDomain).toList();
    }

    @Override
    public Map<SaleId, List<SaleLine>> ofSales(Collection<SaleId> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        return repository.findBySaleIdInOrderBySaleIdAscAndIdAsc(saleIds.stream().map(SaleId::value).toList()).stream()
                .map(mapper::toDomain)
                .collect(Collectors.groupingBy(SaleLine::saleId, LinkedHashMap::new, Collectors.toList()));
    }
}
