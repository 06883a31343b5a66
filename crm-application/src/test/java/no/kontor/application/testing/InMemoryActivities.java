package no.kontor.application.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import no.kontor.application.activity.port.Activities;
import no.kontor.application.activity.port.ActivityQueries;
import no.kontor.application.activity.port.ActivityReferences;
import no.kontor.application.shared.Page;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.shared.StaleVersionException;

/** Activities in memory: store, lists (one page, no cursor) and references to known ids. */
public final class InMemoryActivities extends InMemoryStore<Activity> implements Activities, ActivityQueries, ActivityReferences {
    public final Set<Long> companies = ConcurrentHashMap.newKeySet();
    public final Set<Long> activeUsers = ConcurrentHashMap.newKeySet();

    @Override
    public Activity add(Activity activity) {
        synchronized (rows) {
            var stored = activity.withId(new ActivityId(nextId()));
            rows.put(stored.getId().value(), stored);
            return stored;
        }
    }

    @Override
    public Optional<Activity> find(ActivityId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value()));
        }
    }

    @Override
    public Activity update(Activity a) {
        synchronized (rows) {
            var current = rows.get(a.getId().value());
            if (current == null || current.getVersion() != a.getVersion()) {
                throw new StaleVersionException("activity", a.getId(), a.getVersion());
            }
            var stored = new Activity(a.getId(), a.getCompanyId(), a.getKind(), a.getDirection(), a.getOccurredAt(), a.getActor(),
                    a.getStaffUserId(), a.getContactId(), a.getSubject(), a.getText(), a.getFollowUp(), a.getCampaign(), a.getCreatedAt(),
                    a.getChangedAt(), a.getVersion() + 1);
            rows.put(stored.getId().value(), stored);
            return stored;
        }
    }

    @Override
    public Page<Activity> timeline(CompanyId companyId, int limit, String cursor) {
        return list(a -> a.getCompanyId().equals(companyId), Comparator.comparing(Activity::getOccurredAt).reversed(), limit);
    }

    @Override
    public Page<Activity> workList(long userId, int limit, String cursor) {
        return list(a -> open(a) && Long.valueOf(userId).equals(a.getFollowUp().assigneeId()), byDue(), limit);
    }

    @Override
    public Page<Activity> unassigned(int limit, String cursor) {
        return list(a -> open(a) && a.getFollowUp().assigneeId() == null, byDue(), limit);
    }

    private static boolean open(Activity a) {
        return a.getFollowUp() != null && a.getFollowUp().stage().isOpen();
    }

    private static Comparator<Activity> byDue() {
        return Comparator.comparing((Activity a) -> a.getFollowUp().dueDate()).thenComparing(a -> -a.getId().value());
    }

    private Page<Activity> list(Predicate<Activity> which, Comparator<Activity> order, int limit) {
        synchronized (rows) {
            List<Activity> items = rows.values().stream().filter(which).sorted(order).limit(limit).toList();
            return new Page<>(items, null);
        }
    }

    @Override
    public boolean companyExists(CompanyId companyId) {
        return companies.contains(companyId.value());
    }

    @Override
    public boolean contactBelongsTo(ContactId contactId, CompanyId companyId) {
        return false;
    }

    @Override
    public boolean activeStaffUser(long userId) {
        return activeUsers.contains(userId);
    }
}
