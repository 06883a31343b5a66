package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityApiTest implements UsesTestDatabase {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;

    ApiClient anne;
    ApiClient bjorn;
    ApiClient manager;
    long anneId;
    long bjornId;
    String companyId;
    String otherCompanyId;

    @BeforeAll
    void setUp() {
        anneId = staff.add("anne", Role.SELLER);
        bjornId = staff.add("bjorn", Role.SELLER);
        staff.add("mari", Role.MANAGER);
        anne = staff.login("anne");
        bjorn = staff.login("bjorn");
        manager = staff.login("mari");
        companyId = ApiClient.field(anne.post("/api/v1/companies", "{\"name\":\"Aktiv AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        otherCompanyId = ApiClient.field(anne.post("/api/v1/companies", "{\"name\":\"Annen AS\",\"status\":\"CUSTOMER\"}").body(), "id");
    }

    String log(ApiClient who, String subject, String followUp) {
        var r = who.post("/api/v1/companies/" + companyId + "/activities", "{\"kind\":\"PHONE_CALL\",\"direction\":\"OUTBOUND\",\"subject\":\""
                + subject + "\"" + (followUp == null ? "" : ",\"followUp\":" + followUp) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    static List<String> subjects(String body) {
        var m = Pattern.compile("\"subject\":\"([^\"]*)\"").matcher(body);
        var out = new ArrayList<String>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theWorkListPutsOverdueFirstThenByDueDateNewestFirstWithinADay() {
        log(anne, "W later", "{\"dueDate\":\"" + TODAY.plusDays(3) + "\",\"assigneeId\":" + anneId + "}");
        log(anne, "W overdue", "{\"dueDate\":\"" + TODAY.minusDays(2) + "\",\"assigneeId\":" + anneId + "}");
        log(anne, "W today older", "{\"dueDate\":\"" + TODAY + "\",\"assigneeId\":" + anneId + "}");
        log(anne, "W today newer", "{\"dueDate\":\"" + TODAY + "\",\"assigneeId\":" + anneId + ",\"stage\":\"IN_PROGRESS\"}");
        log(anne, "W done", "{\"dueDate\":\"" + TODAY.minusDays(9) + "\",\"assigneeId\":" + anneId + ",\"stage\":\"DONE\"}");
        log(anne, "W bjorn's", "{\"dueDate\":\"" + TODAY + "\",\"assigneeId\":" + bjornId + "}");
        log(anne, "W nobody's", "{\"dueDate\":\"" + TODAY + "\",\"unassigned\":true}");
        log(bjorn, "W bjorn's own", "{\"dueDate\":\"" + TODAY.plusDays(1) + "\"}"); // no assignee: the logger's own

        var list = anne.get("/api/v1/worklist");
        assertThat(subjects(list.body())).containsExactly("W overdue", "W today newer", "W today older", "W later");
        assertThat(list.body()).contains("\"overdue\":true");
        var paged = anne.get("/api/v1/worklist?limit=2");
        var rest = anne.get("/api/v1/worklist?limit=2&cursor=" + ApiClient.field(paged.body(), "nextCursor"));
        assertThat(subjects(paged.body())).containsExactly("W overdue", "W today newer");
        assertThat(subjects(rest.body())).containsExactly("W today older", "W later");

        assertThat(subjects(bjorn.get("/api/v1/worklist").body())).containsExactly("W bjorn's", "W bjorn's own");
        assertThat(subjects(bjorn.get("/api/v1/worklist/unassigned").body())).contains("W nobody's");
        assertThat(bjorn.get("/api/v1/worklist?user=" + anneId).statusCode()).as("a seller reads only their own").isEqualTo(403);
        assertThat(subjects(manager.get("/api/v1/worklist?user=" + anneId).body())).contains("W overdue");
    }

    @Test
    void theTimelineIsNewestFirstAndAFollowUpMovesOnWithIfMatch() {
        String id = log(anne, "T first", "{\"dueDate\":\"" + TODAY + "\",\"assigneeId\":" + anneId + "}");
        log(anne, "T second", null);
        var timeline = anne.get("/api/v1/companies/" + companyId + "/activities?limit=100");
        assertThat(subjects(timeline.body()).indexOf("T second")).isLessThan(subjects(timeline.body()).indexOf("T first"));

        String path = "/api/v1/activities/" + id + "/follow-up";
        String progress = "{\"dueDate\":\"" + TODAY + "\",\"stage\":\"IN_PROGRESS\",\"assigneeId\":" + anneId + "}";
        assertThat(anne.put(path, progress, null).statusCode()).isEqualTo(428);
        assertThat(anne.put(path, progress, "\"0\"").statusCode()).isEqualTo(200);
        var illegal = anne.put(path, progress.replace("IN_PROGRESS", "DONE"), "\"0\"");
        assertThat(illegal.statusCode()).as("stale").isEqualTo(412);
        assertThat(anne.put(path, progress.replace("IN_PROGRESS", "DONE"), "\"1\"").statusCode()).isEqualTo(200);
        var back = anne.put(path, progress, "\"2\"");
        assertThat(back.statusCode()).as("done → in progress is not a move").isEqualTo(409);
        assertThat(back.body()).contains("follow-up.invalid-transition");
        assertThat(anne.get("/api/v1/audit/records/activity/" + id).body()).contains("\"action\":\"changed\"");
    }

    @Test
    void twoConcurrentFollowUpChangesOfOneVersionOneWins() throws Exception {
        String id = log(anne, "Race", "{\"dueDate\":\"" + TODAY + "\",\"unassigned\":true}");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (var who : List.of(anne, bjorn)) {
            LocalDate due = TODAY.plusDays(who == anne ? 1 : 2); // both keep it unassigned, on other days
            results.add(pool.submit(() -> {
                start.await();
                return who.put("/api/v1/activities/" + id + "/follow-up", "{\"dueDate\":\"" + due + "\"}", "\"0\"").statusCode();
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'activity' AND record_id = ? AND action = 'changed'", id))
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        long before = Db.count(dataSource, "SELECT count(*) FROM activity");
        String path = "/api/v1/companies/" + companyId + "/activities";
        assertThat(anne.post(path, "{\"kind\":\"SMOKE_SIGNAL\",\"direction\":\"OUTBOUND\",\"subject\":\"x\"}").body()).contains("kind");
        assertThat(anne.post(path, "{\"kind\":\"NOTE\",\"direction\":\"OUTBOUND\"}").body()).contains("\"field\":\"subject\"");
        assertThat(anne.post(path, "{\"kind\":\"NOTE\",\"direction\":\"OUTBOUND\",\"subject\":\"x\",\"followUp\":{\"dueDate\":\"31.12.2026\"}}").statusCode()).isEqualTo(400);
        assertThat(anne.post(path, "{\"kind\":\"NOTE\",\"direction\":\"OUTBOUND\",\"subject\":\"x\",\"followUp\":{}}").statusCode()).isEqualTo(400);
        assertThat(anne.post(path, "{\"kind\":\"NOTE\",\"direction\":\"OUTBOUND\",\"subject\":\"x\",\"followUp\":{\"dueDate\":\"2026-12-31\",\"assigneeId\":99999}}").body())
                .contains("followUp.assigneeId");
        String contactOfOther = ApiClient.field(anne.post("/api/v1/companies/" + otherCompanyId + "/contacts", "{\"name\":\"Kari\"}").body(), "id");
        assertThat(anne.post(path, "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"x\",\"contactId\":" + contactOfOther + "}").body())
                .contains("\"field\":\"contactId\"");
        assertThat(anne.post("/api/v1/companies/999999/activities", "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(anne.get("/api/v1/activities/999999").statusCode()).isEqualTo(404);
        assertThat(anne.get("/api/v1/worklist?cursor=zzz").statusCode()).isEqualTo(400);
        assertThat(anne.get("/api/v1/worklist?limit=500").statusCode()).isEqualTo(400);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM activity")).isEqualTo(before);
    }
}
