package no.kontor.adapters.persistence.sale;

import java.math.BigDecimal;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;

@Mapper
public interface SaleLineEntityMapper {

    @Mapping(target = "saleId", source = "saleId.value")
    SaleLineEntity toEntity(SaleLine line);

    SaleLine toDomain(SaleLineEntity entity);

    default SaleId saleId(Long id) {
        return new SaleId(id);
    }

    /** numeric(9, 3) reads back as 1.000: the domain compares 1 */
    default BigDecimal exact(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
