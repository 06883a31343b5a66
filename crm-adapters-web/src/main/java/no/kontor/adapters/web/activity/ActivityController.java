package no.kontor.adapters.web.activity;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.MultiLine;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Times;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.activity.ChangeFollowUp;
import no.kontor.application.activity.LogActivity;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.shared.Page;
import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.CompanyId;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Activities and work lists")
public class ActivityController {
    private final LogActivity logActivity;
    private final ChangeFollowUp changeFollowUp;
    private final ReadActivities read;
    private final Clock clock;

    public ActivityController(LogActivity logActivity, ChangeFollowUp changeFollowUp, ReadActivities read, Clock clock) {
        this.logActivity = logActivity;
        this.changeFollowUp = changeFollowUp;
        this.read = read;
        this.clock = clock;
    }

    @Serdeable
    /** {@code unassigned: true} puts a new follow-up on the shared list; without it and without an assignee it is the logger's own. */
    public record FollowUpBody(@NotNull LocalDate dueDate, @Nullable FollowUpStage stage, @Nullable @EntityId Long assigneeId,
                               @Nullable Boolean unassigned) {
        FollowUp toFollowUp() {
            return new FollowUp(dueDate, stage == null ? FollowUpStage.TO_DO : stage, assigneeId);
        }
    }

    @Serdeable
    @Schema(example = "{\"kind\": \"PHONE_CALL\", \"direction\": \"OUTBOUND\", \"occurredAt\": \"2026-12-03T10:15:00+01:00\", \"contactId\": 7, \"subject\": \"Ringte om vårkampanjen\", \"text\": \"Vil ha tilbud på toppbanner i mars.\", \"followUp\": {\"dueDate\": \"2026-12-10\", \"stage\": \"TO_DO\", \"assigneeId\": 3}}")
    public record ActivityRequest(@NotNull ActivityKind kind, @NotNull Direction direction, @Nullable OffsetDateTime occurredAt,
                                  @Nullable @EntityId Long contactId, @NotBlank @Size(max = 200) String subject,
                                  @Nullable @Size(max = 20_000) @MultiLine String text, @Nullable @Valid FollowUpBody followUp,
                                  @Nullable @Size(max = 100) String campaign) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FollowUpResponse(LocalDate dueDate, FollowUpStage stage, @Nullable Long assigneeId, boolean overdue) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ActivityResponse(long id, long companyId, ActivityKind kind, Direction direction, OffsetDateTime occurredAt,
                                   String actor, @Nullable Long contactId, String subject, @Nullable String text,
                                   @Nullable FollowUpResponse followUp, @Nullable String campaign, long version) {
    }

    private ActivityResponse response(Activity a) {
        LocalDate today = LocalDate.now(clock.withZone(Times.OSLO));
        var f = a.getFollowUp();
        return new ActivityResponse(a.getId().value(), a.getCompanyId().value(), a.getKind(), a.getDirection(),
                Times.oslo(a.getOccurredAt()), a.getActor(), a.getContactId() == null ? null : a.getContactId().value(),
                a.getSubject(), a.getText(),
                f == null ? null : new FollowUpResponse(f.dueDate(), f.stage(), f.assigneeId(), f.isOverdue(today)), a.getCampaign(),
                a.getVersion());
    }

    private PageResponse<ActivityResponse> page(Page<Activity> page) {
        return new PageResponse<>(page.items().stream().map(this::response).toList(), page.nextCursor());
    }

    @Post("/companies/{companyId}/activities")
    @Operation(operationId = "logActivity", summary = "Log an activity with a company, perhaps with a follow-up task; an outbound "
            + "activity may carry a mail-out `campaign` tag (1–100 characters), whose return rate a goal can follow")
    public HttpResponse<ActivityResponse> log(long companyId, @Body @Valid ActivityRequest body, Authentication auth) {
        var activity = logActivity.execute(Actors.of(auth), new LogActivity.Command(new CompanyId(companyId), body.kind(),
                body.direction(), body.occurredAt() == null ? null : body.occurredAt().toInstant(), body.contactId(),
                body.subject(), body.text(), body.followUp() == null ? null : body.followUp().toFollowUp(),
                body.followUp() != null && Boolean.TRUE.equals(body.followUp().unassigned()), body.campaign()));
        return Versions.tagged(HttpResponse.created(response(activity),
                URI.create("/api/v1/activities/" + activity.getId().value())), activity.getVersion());
    }

    @Get("/companies/{companyId}/activities")
    @Operation(operationId = "listCompanyActivities", summary = "A company's timeline, newest first")
    public PageResponse<ActivityResponse> timeline(long companyId, @QueryValue(defaultValue = "50") int limit,
                                                   @QueryValue @Nullable String cursor, Authentication auth) {
        return page(read.timeline(Actors.of(auth), new CompanyId(companyId), limit, cursor));
    }

    @Operation(operationId = "getActivity")
    @Get("/activities/{id}")
    public HttpResponse<ActivityResponse> get(long id, Authentication auth) {
        var activity = read.view(Actors.of(auth), new ActivityId(id));
        return Versions.tagged(HttpResponse.ok(response(activity)), activity.getVersion());
    }

    @Put("/activities/{id}/follow-up")
    @Operation(operationId = "changeFollowUp", summary = "Move a follow-up on (stage, due date, assignee); needs If-Match")
    public HttpResponse<ActivityResponse> changeFollowUp(long id, HttpRequest<?> request, @Body @Valid FollowUpBody body,
                                                         Authentication auth) {
        long expected = Versions.expected(request);
        var activity = changeFollowUp.execute(Actors.of(auth), new ActivityId(id), expected, body.toFollowUp());
        return Versions.tagged(HttpResponse.ok(response(activity)), activity.getVersion());
    }

    @Get("/worklist")
    @Operation(operationId = "getWorkList", summary = "Open follow-ups: your own, or another user's for a manager (?user=); overdue first, then by due date")
    public PageResponse<ActivityResponse> workList(@QueryValue @Nullable @EntityId Long user, @QueryValue(defaultValue = "50") int limit,
                                                   @QueryValue @Nullable String cursor, Authentication auth) {
        return page(read.workList(Actors.of(auth), user, limit, cursor));
    }

    @Get("/worklist/unassigned")
    @Operation(operationId = "getUnassignedWorkList", summary = "Open follow-ups assigned to nobody, which every seller sees")
    public PageResponse<ActivityResponse> unassigned(@QueryValue(defaultValue = "50") int limit,
                                                     @QueryValue @Nullable String cursor, Authentication auth) {
        return page(read.unassigned(Actors.of(auth), limit, cursor));
    }
}
