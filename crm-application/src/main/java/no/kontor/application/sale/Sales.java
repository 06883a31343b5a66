package no.kontor.application.sale;

import java.util.Optional;

import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;

/** The store of sales. Adding a sale also records its first stage in the stage history. */
public interface Sales {

    Sale add(Sale sale);

    Optional<Sale> find(SaleId id);
}
