package no.kontor.application.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import no.kontor.domain.identity.Actor;

/**
 * One state change, as the audit log records it: who, when, which record, what
 * was done, and each changed field before and after.
 *
 * @param personal the data subject whose personal fields in {@code changes} are
 *                 encrypted with that person's key, or null when there are none
 */
public record AuditEvent(String actor, Instant at, String recordType, String recordId, String action,
                         Map<String, FieldChange> changes, PersonalData personal) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(action, "action");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** A field's value before and after; null means absent. */
    public record FieldChange(Object before, Object after) {
    }

    /** Whose personal data the entry holds, and in which fields. */
    public record PersonalData(String subject, Set<String> fields) {
        public PersonalData {
            Objects.requireNonNull(subject, "subject");
            fields = Set.copyOf(fields);
        }
    }

    public static AuditEvent created(Actor actor, Instant at, String type, Object id, Map<String, ?> fields) {
        return of(actor, at, type, id, "created", Map.of(), fields, null);
    }

    public static AuditEvent changed(Actor actor, Instant at, String type, Object id,
                                     Map<String, ?> before, Map<String, ?> after) {
        return of(actor, at, type, id, "changed", before, after, null);
    }

    /**
     * An event with only the fields whose values differ between {@code before} and
     * {@code after} (a created record has an empty before).
     */
    public static AuditEvent of(Actor actor, Instant at, String type, Object id, String action,
                                Map<String, ?> before, Map<String, ?> after, PersonalData personal) {
        var changes = new LinkedHashMap<String, FieldChange>();
        var names = new java.util.LinkedHashSet<String>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Object b = before.get(name);
            Object a = after.get(name);
            if (!Objects.equals(b, a)) {
                changes.put(name, new FieldChange(b, a));
            }
        }
        return new AuditEvent(actor.auditName(), at, type, String.valueOf(id), action, changes, personal);
    }

    public AuditEvent withPersonal(PersonalData data) {
        return new AuditEvent(actor, at, recordType, recordId, action, changes, data);
    }
}
