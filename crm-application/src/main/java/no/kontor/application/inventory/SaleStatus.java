package no.kontor.application.inventory;

import java.util.Optional;

import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;

/** What the inventory needs to know of a sale, by id. */
public interface SaleStatus {

    Optional<SaleStage> stageOf(SaleId saleId);
}
