package no.kontor.application.sale.port;

import java.util.List;
import java.util.Optional;

import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.application.shared.Page;
import no.kontor.application.sale.SaleFilter;
import no.kontor.application.sale.StageChange;

/** The store of sales. Adding a sale also records its first stage in the stage history. */
public interface Sales {

    Sale add(Sale sale);

    Optional<Sale> find(SaleId id);

    /** The sale locked for the rest of the transaction (its lines change under this lock). */
    Optional<Sale> lock(SaleId id);

    /**
     * Writes the header (seller, barter, description, who changed it) if the sale is
     * still at the version it was read at, and returns it at its new version; else
     * {@code StaleVersionException}, nothing written.
     */
    Sale update(Sale changed);

    /** Newest first, a page at a time. */
    no.kontor.application.shared.Page<Sale> list(SaleFilter filter, String cursor, int limit);

    /** Writes the sale's new stage at the version it was read at, and records the change in the stage history. */
    Sale changeStage(Sale changed, SaleStage from, String reason);

    /** Every stage the sale has been in, oldest first. */
    List<StageChange> history(SaleId id);

    /** A sale's stage changes, oldest first, a page after {@code cursor} (null: the first). */
    Page<StageChange> history(SaleId id, String cursor, int limit);

}
