package no.kontor.adapters.persistence.sale;

import java.math.BigDecimal;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.TimeEntry;

@Mapper
public interface TimeEntryEntityMapper {

    @Mapping(target = "saleId", source = "saleId.value")
    TimeEntryEntity toEntity(TimeEntry entry);

    TimeEntry toDomain(TimeEntryEntity entity);

    default SaleId saleId(Long id) {
        return new SaleId(id);
    }

    /** numeric(5, 3) reads back as 2.500: the domain compares 2.5 */
    default BigDecimal exact(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
