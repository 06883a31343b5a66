package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.activity.port.Activities;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Activities} does. */
public abstract class ActivitiesContract extends PortContract {

    private Activity logged() {
        var company = company("Aktivitet");
        var at = now();
        String name = "selger" + unique();
        var seller = tx(() -> port(no.kontor.application.identity.port.StaffUsers.class).add(new no.kontor.domain.identity.StaffUser(null,
                name, "Selger", null, "$2a$04$hash", Role.SELLER, null, true, at, at, 0)));
        return tx(() -> port(Activities.class).add(Activity.log(company, ActivityKind.PHONE_CALL, Direction.OUTBOUND, at,
                Actor.staff(seller.getId(), name, Role.SELLER), null, "Ringte om våren", "Ring igjen i april",
                new FollowUp(LocalDate.of(2027, 4, 1), FollowUpStage.TO_DO, seller.getId()), at).withCampaign("Vårkampanje")));
    }

    @Test
    void anActivityIsStoredAndReadBackWhole() {
        var stored = logged();
        assertThat(stored.getId()).isNotNull();
        var read = port(Activities.class).find(stored.getId()).orElseThrow();
        assertThat(read.getSubject()).isEqualTo("Ringte om våren");
        assertThat(read.getFollowUp()).isEqualTo(stored.getFollowUp());
        assertThat(read.getCampaign()).isEqualTo("Vårkampanje");
        assertThat(port(Activities.class).find(new ActivityId(987_654_321))).isEmpty();
    }

    @Test
    void itsFollowUpMovesWithAVersionAndAStaleMoveIsRefused() {
        var stored = logged();
        Long assignee = stored.getFollowUp().assigneeId();
        var started = tx(() -> port(Activities.class).update(stored.withFollowUp(new FollowUp(LocalDate.of(2027, 4, 1),
                FollowUpStage.IN_PROGRESS, assignee), now())));
        assertThat(started.getFollowUp().stage()).isEqualTo(FollowUpStage.IN_PROGRESS);
        assertThat(started.getVersion()).isEqualTo(stored.getVersion() + 1);
        assertThatThrownBy(() -> tx(() -> port(Activities.class).update(stored.withFollowUp(new FollowUp(LocalDate.of(2027, 4, 1),
                FollowUpStage.DONE, assignee), now())))).isInstanceOf(StaleVersionException.class);
    }
}
