package no.kontor.adapters.persistence.activity;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.adapters.persistence.shared.Cursor;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.activity.port.ActivityQueries;
import no.kontor.application.activity.port.ActivityReferences;
import no.kontor.application.shared.Page;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.ValidationException;

/**
 * Activities: the store through Micronaut Data, the timeline and the work lists
 * in SQL on the indexes of V1 (the work lists on partial indexes over open
 * follow-ups), keyset-paginated.
 */
@Singleton
public class JdbcActivities implements Activities, ActivityQueries, ActivityReferences {
    private static final String OPEN = "follow_up_stage IN ('TO_DO', 'IN_PROGRESS')";

    private final ActivityRepository repository;
    private final ActivityEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcActivities(ActivityRepository repository, ActivityEntityMapper mapper, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Activity add(Activity activity) {
        return mapper.toDomain(repository.save(mapper.toEntity(activity)));
    }

    @Override
    public Optional<Activity> find(ActivityId id) {
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    @Override
    public Activity update(Activity activity) {
        return VersionedUpdate.run("activity", activity.getId(), activity.getVersion(),
                () -> mapper.toDomain(repository.update(mapper.toEntity(activity))));
    }

    @Override
    public Page<Activity> timeline(CompanyId companyId, int limit, String cursor) {
        String keyset = "";
        var params = new java.util.ArrayList<Object>(List.of(companyId.value()));
        if (cursor != null) {
            var keys = Cursor.decode(cursor, "timeline", 2);
            keyset = " AND (occurred_at, id) < (?::timestamptz, ?)";
            params.add(keys.get(0));
            params.add(id(keys.get(1)));
        }
        params.add(limit + 1);
        var ids = jdbc.query("SELECT id, occurred_at FROM activity WHERE company_id = ?" + keyset
                + " ORDER BY occurred_at DESC, id DESC LIMIT ?", params, rs -> new long[] {rs.getLong(1)});
        return page(ids, limit, a -> Cursor.encode("timeline", a.getOccurredAt(), a.getId().value()));
    }

    @Override
    public Page<Activity> workList(long userId, int limit, String cursor) {
        return followUps("follow_up_assignee_id = ?", List.of(userId), "worklist", limit, cursor);
    }

    @Override
    public Page<Activity> unassigned(int limit, String cursor) {
        return followUps("follow_up_assignee_id IS NULL", List.of(), "unassigned", limit, cursor);
    }

    /** Due date ascending puts overdue first; newest first within a day. */
    private Page<Activity> followUps(String who, List<Object> whoParams, String tag, int limit, String cursor) {
        var params = new java.util.ArrayList<Object>(whoParams);
        String keyset = "";
        if (cursor != null) {
            var keys = Cursor.decode(cursor, tag, 2);
            keyset = " AND (follow_up_due > ?::date OR (follow_up_due = ?::date AND id < ?))";
            params.add(keys.get(0));
            params.add(keys.get(0));
            params.add(id(keys.get(1)));
        }
        params.add(limit + 1);
        var ids = jdbc.query("SELECT id FROM activity WHERE " + who + " AND " + OPEN + keyset
                + " ORDER BY follow_up_due, id DESC LIMIT ?", params, rs -> new long[] {rs.getLong(1)});
        return page(ids, limit, a -> Cursor.encode(tag, a.getFollowUp().dueDate(), a.getId().value()));
    }

    private Page<Activity> page(List<long[]> ids, int limit, java.util.function.Function<Activity, String> cursorOf) {
        var wanted = ids.stream().limit(limit).map(i -> i[0]).toList();
        var byId = new java.util.HashMap<Long, Activity>();
        repository.findByIdIn(wanted).forEach(e -> byId.put(e.id(), mapper.toDomain(e)));
        var shown = wanted.stream().map(byId::get).toList();
        return new Page<>(shown, ids.size() > limit ? cursorOf.apply(shown.get(limit - 1)) : null);
    }

    @Override
    public boolean companyExists(CompanyId companyId) {
        return !jdbc.query("SELECT 1 FROM company WHERE id = ?", List.of(companyId.value()), rs -> 1).isEmpty();
    }

    @Override
    public boolean contactBelongsTo(ContactId contactId, CompanyId companyId) {
        return !jdbc.query("SELECT 1 FROM contact WHERE id = ? AND company_id = ?", List.of(contactId.value(), companyId.value()),
                rs -> 1).isEmpty();
    }

    @Override
    public boolean activeStaffUser(long userId) {
        return !jdbc.query("SELECT 1 FROM staff_user WHERE id = ? AND active", List.of(userId), rs -> 1).isEmpty();
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "cursor.invalid", "The cursor does not belong to this list");
        }
    }
}
