package no.kontor.adapters.persistence.activity;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.ContactId;

@Mapper
public interface ActivityEntityMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "companyId", source = "companyId.value")
    @Mapping(target = "contactId", source = "contactId.value")
    @Mapping(target = "followUpDue", source = "followUp.dueDate")
    @Mapping(target = "followUpStage", source = "followUp.stage")
    @Mapping(target = "followUpAssigneeId", source = "followUp.assigneeId")
    ActivityEntity toEntity(Activity activity);

    @Mapping(target = "followUp", source = ".")
    Activity toDomain(ActivityEntity entity);

    default FollowUp followUp(ActivityEntity e) {
        return e.followUpDue() == null ? null
                : new FollowUp(e.followUpDue(), FollowUpStage.valueOf(e.followUpStage()), e.followUpAssigneeId());
    }

    default ActivityId activityId(Long id) {
        return id == null ? null : new ActivityId(id);
    }

    default CompanyId companyId(Long id) {
        return new CompanyId(id);
    }

    default ContactId contactId(Long id) {
        return id == null ? null : new ContactId(id);
    }
}
