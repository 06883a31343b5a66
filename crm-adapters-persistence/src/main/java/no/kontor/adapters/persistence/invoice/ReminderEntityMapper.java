package no.kontor.adapters.persistence.invoice;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.Reminder;

@Mapper
public interface ReminderEntityMapper {

    @Mapping(target = "invoiceId", source = "invoiceId.value")
    ReminderEntity toEntity(Reminder reminder);

    Reminder toDomain(ReminderEntity entity);

    default InvoiceId invoiceId(Long id) {
        return new InvoiceId(id);
    }
}
