package no.kontor.adapters.persistence.sale;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.sale.port.PublicOrders;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.SaleId;

/**
 * Order references, insert-only. A taken reference is {@code ON CONFLICT DO NOTHING}:
 * no error, so the transaction is not aborted and the use case draws again.
 */
@Singleton
public class JdbcPublicOrders implements PublicOrders {
    private final Jdbc jdbc;

    public JdbcPublicOrders(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(SaleId saleId, OrderReference reference, Instant at) {
        return jdbc.update("INSERT INTO public_order (sale_id, reference, placed_at) VALUES (?, ?, ?) "
                + "ON CONFLICT ON CONSTRAINT public_order_reference DO NOTHING", List.of(saleId.value(), reference.value(), at)) == 1;
    }

    @Override
    public Optional<OrderReference> referenceOf(SaleId saleId) {
        return jdbc.query("SELECT reference FROM public_order WHERE sale_id = ?", List.of(saleId.value()),
                rs -> new OrderReference(rs.getString(1))).stream().findFirst();
    }
}
