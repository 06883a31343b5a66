package no.kontor.adapters.persistence.identity;

import org.mapstruct.Mapper;

import no.kontor.domain.identity.StaffUser;

@Mapper
public interface StaffUserEntityMapper {

    StaffUserEntity toEntity(StaffUser user);

    StaffUser toDomain(StaffUserEntity entity);
}
