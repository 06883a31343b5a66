package no.kontor.adapters.persistence.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.activity.port.ActivityQueries;
import no.kontor.application.activity.port.ActivityReferences;
import no.kontor.application.company.port.Companies;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.StaleVersionException;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcActivitiesTest implements UsesTestDatabase {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Actor SELLER = Actor.staff(1, "sindre", Role.SELLER);

    @Inject
    Activities activities;
    @Inject
    ActivityQueries queries;
    @Inject
    ActivityReferences references;
    @Inject
    Companies companies;
    @Inject
    Transactions tx;
    @Inject
    no.kontor.adapters.persistence.shared.Jdbc jdbc;

    CompanyId firm;
    CompanyId other;

    @BeforeAll
    void setUp() {
        jdbc.update("INSERT INTO staff_user (id, username, display_name, password_hash, role, created_at, changed_at, active) "
                + "VALUES (1, 'sindre', 'Sindre', 'x', 'SELLER', now(), now(), true), (2, 'gone', 'Gone', 'x', 'SELLER', now(), now(), false)",
                List.of());
        firm = add("Tidslinje AS");
        other = add("Annen AS");
    }

    CompanyId add(String name) {
        return tx.inTransaction(() -> companies.add(Company.register(CompanyDetails.parse(name, null, CompanyStatus.CUSTOMER,
                null, null, null, null, null, null, null, null, null), "user:1", Instant.now()))).getId();
    }

    Activity log(CompanyId company, String subject, Instant at, FollowUp followUp) {
        return activities.add(Activity.log(company, ActivityKind.NOTE, Direction.OUTBOUND, at, SELLER, null, subject, null, followUp, Instant.now()));
    }

    @Test
    void theTimelineIsNewestFirstAndPagesStably() {
        var base = Instant.parse("2026-03-01T08:00:00Z");
        for (int i = 0; i < 5; i++) {
            log(firm, "T" + i, base.plusSeconds(60L * i), null);
        }
        log(firm, "T-same-time", base.plusSeconds(60L * 4), null);
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = queries.timeline(firm, 2, cursor);
            page.items().forEach(a -> seen.add(a.getSubject()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactly("T-same-time", "T4", "T3", "T2", "T1", "T0");
    }

    @Test
    void workListsHoldOpenTasksByDueDateNewestFirstWithinADay() {
        log(other, "done", Instant.now(), new FollowUp(DAY.minusDays(5), FollowUpStage.DONE, 1L));
        log(other, "later", Instant.now(), new FollowUp(DAY.plusDays(2), FollowUpStage.TO_DO, 1L));
        log(other, "early", Instant.now(), new FollowUp(DAY.minusDays(1), FollowUpStage.IN_PROGRESS, 1L));
        log(other, "day-old", Instant.now(), new FollowUp(DAY, FollowUpStage.TO_DO, 1L));
        log(other, "day-new", Instant.now(), new FollowUp(DAY, FollowUpStage.TO_DO, 1L));
        log(other, "nobody's", Instant.now(), new FollowUp(DAY, FollowUpStage.TO_DO, null));
        assertThat(queries.workList(1, 10, null).items()).extracting(Activity::getSubject)
                .containsExactly("early", "day-new", "day-old", "later");
        assertThat(queries.unassigned(10, null).items()).extracting(Activity::getSubject).containsExactly("nobody's");
        var first = queries.workList(1, 2, null);
        assertThat(queries.workList(1, 10, first.nextCursor()).items()).extracting(Activity::getSubject).containsExactly("day-old", "later");
    }

    @Test
    void aFollowUpMovesWithTheVersionItWasReadAt() {
        var a = log(firm, "Oppfølging", Instant.now(), new FollowUp(DAY, FollowUpStage.TO_DO, 1L));
        var moved = activities.update(a.withFollowUp(new FollowUp(DAY, FollowUpStage.IN_PROGRESS, 1L), Instant.now()));
        assertThat(moved.getVersion()).isEqualTo(1);
        assertThat(activities.find(a.getId()).orElseThrow().getFollowUp().stage()).isEqualTo(FollowUpStage.IN_PROGRESS);
        assertThatThrownBy(() -> activities.update(a.withFollowUp(new FollowUp(DAY, FollowUpStage.DONE, 1L), Instant.now())))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void referencesAreCheckedById() {
        assertThat(references.companyExists(firm)).isTrue();
        assertThat(references.companyExists(new CompanyId(999_999))).isFalse();
        jdbc.update("INSERT INTO contact (id, company_id, name, created_by, created_at, changed_by, changed_at) "
                + "VALUES (500, ?, 'Kari', 'user:1', now(), 'user:1', now())", List.of(other.value()));
        assertThat(references.contactBelongsTo(new ContactId(500), other)).isTrue();
        assertThat(references.contactBelongsTo(new ContactId(500), firm)).isFalse();
        assertThat(references.activeStaffUser(1)).isTrue();
        assertThat(references.activeStaffUser(2)).as("inactive").isFalse();
    }
}
