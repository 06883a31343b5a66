package no.kontor.adapters.persistence.sale;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.sale.SaleLine;

@Mapper(uses = SaleMappings.class)
public interface SaleLineEntityMapper {

    @Mapping(target = "saleId", source = "saleId.value")
    SaleLineEntity toEntity(SaleLine line);

    SaleLine toDomain(SaleLineEntity entity);
}
