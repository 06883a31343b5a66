package no.kontor.adapters.persistence.sale;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.sale.TimeEntry;

@Mapper(uses = SaleMappings.class)
public interface TimeEntryEntityMapper {

    @Mapping(target = "saleId", source = "saleId.value")
    TimeEntryEntity toEntity(TimeEntry entry);

    TimeEntry toDomain(TimeEntryEntity entity);
}
