package no.kontor.application.activity.port;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.ContactId;

/** What an activity points at, checked by id: the activity context reads no other context's records. */
public interface ActivityReferences {

    boolean companyExists(CompanyId companyId);

    boolean contactBelongsTo(ContactId contactId, CompanyId companyId);

    boolean activeStaffUser(long userId);
}
