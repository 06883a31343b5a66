package no.kontor.application.sale.port;

import java.time.Instant;
import java.util.Optional;

import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.SaleId;

/** The references of the sales the public order form opened: the one handle a customer is given. */
public interface PublicOrders {

    /**
     * Stores {@code reference} with the sale. When another sale already has it (a
     * collision of random references), nothing is stored, the transaction goes on,
     * and the answer is {@code false}: draw another.
     */
    boolean add(SaleId saleId, OrderReference reference, Instant at);

    Optional<OrderReference> referenceOf(SaleId saleId);
}
