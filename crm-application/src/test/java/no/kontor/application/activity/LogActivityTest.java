package no.kontor.application.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryActivities;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.ValidationException;

/** Whose a new follow-up is: the named assignee's, else the logger's own, unless it is put on the shared list. */
class LogActivityTest {
    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 12, 10);

    final InMemoryActivities activities = new InMemoryActivities();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final LogActivity log = new LogActivity(activities, activities, audit, new DirectTransactions().register(activities).register(audit),
            new TestClock(NOW));
    final Actor anne = Actor.staff(11, "anne", Role.SELLER);

    {
        activities.companies.add(5L);
        activities.activeUsers.addAll(java.util.List.of(11L, 12L));
    }

    LogActivity.Command call(Long assignee, boolean unassigned) {
        return new LogActivity.Command(new CompanyId(5), ActivityKind.PHONE_CALL, Direction.OUTBOUND, NOW, null, "Ringte", null,
                new FollowUp(DUE, FollowUpStage.TO_DO, assignee), unassigned, null);
    }

    @Test
    void aFollowUpWithoutAnAssigneeIsTheLoggersOwn() {
        assertThat(log.execute(anne, call(null, false)).getFollowUp().assigneeId()).isEqualTo(11L);
    }

    @Test
    void aNamedAssigneeKeepsItAndUnassignedPutsItOnTheSharedList() {
        assertThat(log.execute(anne, call(12L, false)).getFollowUp().assigneeId()).isEqualTo(12L);
        assertThat(log.execute(anne, call(null, true)).getFollowUp().assigneeId()).isNull();
    }

    @Test
    void anAssigneeAndUnassignedTogetherAreRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> log.execute(anne, call(12L, true))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("activity.assignee-and-unassigned")));
        assertThat(activities.size()).isZero();
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void theOrderFormsFollowUpsStayOnTheSharedList() {
        assertThat(log.execute(Actor.publicForm(), call(null, false)).getFollowUp().assigneeId()).isNull();
    }

    @Test
    void anOutboundActivityCarriesItsCampaignIntoTheAuditAndAnInboundOneMayNot() {
        var c = call(null, false);
        var tagged = new LogActivity.Command(c.companyId(), c.kind(), no.kontor.domain.activity.Direction.OUTBOUND, c.occurredAt(),
                c.contactId(), c.subject(), c.text(), null, false, "  Vårkampanje ");
        assertThat(log.execute(Actor.staff(3, "selma", no.kontor.domain.identity.Role.SELLER), tagged).getCampaign()).isEqualTo("Vårkampanje");
        assertThat(audit.events()).last().satisfies(e -> assertThat(e.toString()).contains("Vårkampanje"));
        var inbound = new LogActivity.Command(c.companyId(), c.kind(), no.kontor.domain.activity.Direction.INBOUND, c.occurredAt(),
                c.contactId(), c.subject(), c.text(), null, false, "Vårkampanje");
        assertThatThrownBy(() -> log.execute(Actor.staff(3, "selma", no.kontor.domain.identity.Role.SELLER), inbound))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(ValidationException.FieldError::code)
                        .containsExactly("activity.campaign-inbound"));
    }
}
