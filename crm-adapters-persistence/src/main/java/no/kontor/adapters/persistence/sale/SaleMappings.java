package no.kontor.adapters.persistence.sale;

import java.math.BigDecimal;

import no.kontor.domain.sale.SaleId;

/** Mappings the sale context's MapStruct mappers share (used through {@code @Mapper(uses = …)}). */
public final class SaleMappings {
    private SaleMappings() {
    }

    public static SaleId saleId(Long id) {
        return id == null ? null : new SaleId(id);
    }

    /** numeric(p, s) reads back with its scale (1.000, 2.500): the domain compares 1 and 2.5 */
    public static BigDecimal exact(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
