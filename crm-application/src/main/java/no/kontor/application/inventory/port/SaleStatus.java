package no.kontor.application.inventory.port;

import java.util.Optional;

import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;

/** What the inventory needs to know of a sale, by id. */
public interface SaleStatus {

    Optional<SaleStage> stageOf(SaleId saleId);

    /**
     * The sale, its row locked for the rest of the transaction: a booking made or
     * cancelled for it waits for a stage change or invoicing of the same sale, and
     * the reverse.
     */
    Optional<Sale> lock(SaleId saleId);
}
