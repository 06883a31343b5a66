package no.kontor.adapters.persistence.sale;

import java.math.BigDecimal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("sale_line")
public record SaleLineEntity(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        Long saleId,
        @Nullable Long placementId,
        String description,
        BigDecimal quantity,
        String unit,
        long unitPrice,
        BigDecimal discountPercent,
        String vatCategory,
        BigDecimal vatPercent,
        @Nullable String exemptionReason) {
}
