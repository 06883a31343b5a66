package no.kontor.adapters.persistence.sale;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;

@Mapper
public interface SaleEntityMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "companyId", source = "companyId.value")
    SaleEntity toEntity(Sale sale);

    Sale toDomain(SaleEntity entity);

    default SaleId saleId(Long id) {
        return id == null ? null : new SaleId(id);
    }

    default CompanyId companyId(Long id) {
        return new CompanyId(id);
    }
}
