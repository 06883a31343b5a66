package no.kontor.application.activity;

import no.kontor.application.shared.Page;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.activity.port.ActivityQueries;
import no.kontor.application.activity.port.ActivityReferences;

/** Staff read activities: one, a company's timeline, their work list, the shared unassigned list. */
public final class ReadActivities {
    public static final int MAX_LIMIT = 100;

    private final Activities activities;
    private final ActivityQueries queries;
    private final ActivityReferences references;

    public ReadActivities(Activities activities, ActivityQueries queries, ActivityReferences references) {
        this.activities = activities;
        this.queries = queries;
        this.references = references;
    }

    public Activity view(Actor actor, ActivityId id) {
        actor.require(Role.SELLER);
        return activities.find(id).orElseThrow(() -> new NotFoundException("activity", id));
    }

    public Page<Activity> timeline(Actor actor, CompanyId companyId, int limit, String cursor) {
        actor.require(Role.SELLER);
        checkLimit(limit);
        if (!references.companyExists(companyId)) {
            throw new NotFoundException("company", companyId);
        }
        return queries.timeline(companyId, limit, cursor);
    }

    /** The actor's own work list; a manager may read another user's. */
    public Page<Activity> workList(Actor actor, Long userId, int limit, String cursor) {
        actor.require(Role.SELLER);
        checkLimit(limit);
        long whose = userId == null ? actor.userId() : userId;
        if (whose != actor.userId() && !actor.has(Role.MANAGER)) {
            throw new AccessDeniedException("Only a manager reads another user's work list");
        }
        return queries.workList(whose, limit, cursor);
    }

    public Page<Activity> unassigned(Actor actor, int limit, String cursor) {
        actor.require(Role.SELLER);
        checkLimit(limit);
        return queries.unassigned(limit, cursor);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "search.limit-out-of-range", "limit is 1–" + MAX_LIMIT);
        }
    }
}
