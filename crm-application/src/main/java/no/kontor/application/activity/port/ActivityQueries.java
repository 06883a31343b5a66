package no.kontor.application.activity.port;

import no.kontor.application.shared.Page;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.company.CompanyId;

/** The read side: a company's timeline and the work lists. */
public interface ActivityQueries {

    /** Newest first. */
    Page<Activity> timeline(CompanyId companyId, int limit, String cursor);

    /** A user's open follow-ups: overdue first, then by due date, newest first within a day. */
    Page<Activity> workList(long userId, int limit, String cursor);

    /** Open follow-ups assigned to nobody, in the same order; every seller sees them. */
    Page<Activity> unassigned(int limit, String cursor);
}
