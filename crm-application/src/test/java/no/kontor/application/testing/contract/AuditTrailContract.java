package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/** What every {@link AuditTrail} does: events are kept in order, with their transaction. */
public abstract class AuditTrailContract extends PortContract {
    private final Actor mona = Actor.staff(2, "mona", Role.MANAGER);

    /** The actions recorded for one record, oldest first, as the implementation keeps them. */
    protected abstract List<String> recordedActions(String recordType, String recordId);

    @Test
    void eventsAreKeptInTheOrderTheyWereRecorded() {
        String id = Integer.toString(unique());
        run(() -> {
            port(AuditTrail.class).record(AuditEvent.created(mona, now(), "company", id, Map.of("name", "Revisjon AS")));
            port(AuditTrail.class).record(AuditEvent.changed(mona, now(), "company", id, Map.of("name", "Revisjon AS"),
                    Map.of("name", "Revisjon Ny AS")));
        });
        assertThat(recordedActions("company", id)).containsExactly("created", "changed");
        assertThat(recordedActions("company", "x" + id)).isEmpty();
    }

    @Test
    void anEventOfATransactionThatFailsIsNotKept() {
        String id = Integer.toString(unique());
        assertThatThrownBy(() -> run(() -> {
            port(AuditTrail.class).record(AuditEvent.created(mona, now(), "sale", id, Map.of("stage", "LEAD")));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(recordedActions("sale", id)).isEmpty();
    }
}
