package no.kontor.application.sale.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;

/** The store of sale lines. Callers hold the sale's row lock while they change its lines. */
public interface SaleLines {

    SaleLine add(SaleLine line);

    Optional<SaleLine> find(SaleId saleId, long lineId);

    SaleLine update(SaleLine line);

    void remove(SaleId saleId, long lineId);

    /** A sale's lines in the order they were added. */
    List<SaleLine> ofSale(SaleId saleId);

    /** The lines of several sales at once (a page of a list). */
    Map<SaleId, List<SaleLine>> ofSales(Collection<SaleId> saleIds);
}
