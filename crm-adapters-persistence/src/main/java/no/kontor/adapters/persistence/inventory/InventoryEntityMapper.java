package no.kontor.adapters.persistence.inventory;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.sale.SaleId;

@Mapper
public interface InventoryEntityMapper {

    @Mapping(target = "id", source = "id.value")
    PlacementEntity toEntity(Placement placement);

    Placement toDomain(PlacementEntity entity);

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "placementId", source = "placementId.value")
    @Mapping(target = "saleId", source = "saleId.value")
    @Mapping(target = "firstDay", source = "period.firstDay")
    @Mapping(target = "lastDay", source = "period.lastDay")
    BookingEntity toEntity(Booking booking);

    @Mapping(target = "period", source = ".")
    Booking toDomain(BookingEntity entity);

    default Period period(BookingEntity e) {
        return new Period(e.firstDay(), e.lastDay());
    }

    default PlacementId placementId(Long id) {
        return id == null ? null : new PlacementId(id);
    }

    default BookingId bookingId(Long id) {
        return id == null ? null : new BookingId(id);
    }

    default SaleId saleId(Long id) {
        return new SaleId(id);
    }
}
