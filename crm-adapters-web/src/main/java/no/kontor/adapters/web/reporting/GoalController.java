package no.kontor.adapters.web.reporting;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.SetGoals;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.reporting.GoalMetric;

/** Goals: managers set them; every member of staff follows their progress. */
@Controller("/api/v1/goals")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "KPIs")
public class GoalController {
    private final SetGoals set;
    private final FollowGoals follow;

    public GoalController(SetGoals set, FollowGoals follow) {
        this.set = set;
        this.follow = follow;
    }

    @Serdeable
    @Schema(example = "{\"metric\": \"REVENUE\", \"firstDay\": \"2027-01-01\", \"lastDay\": \"2027-03-31\", \"team\": \"Annonse\", \"target\": 150000000}")
    public record GoalRequest(@NotNull GoalMetric metric, @NotNull LocalDate firstDay, @NotNull LocalDate lastDay,
                              @Nullable @Size(max = 100) String team, @Nullable @EntityId Long sellerId, @Nullable @Size(max = 100) String campaign,
                              @NotNull BigDecimal target) {
        Goal.Terms terms() {
            return new Goal.Terms(metric, firstDay, lastDay, team, sellerId, campaign, target);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GoalResponse(long id, GoalMetric metric, LocalDate firstDay, LocalDate lastDay, @Nullable String team,
                               @Nullable Long sellerId, @Nullable String campaign, BigDecimal target, @Nullable LocalDate measuredTo,
                               long daysGone, long days, BigDecimal reached, @Nullable BigDecimal percentOfTarget,
                               @Nullable BigDecimal forecast, long version) {
        static GoalResponse of(FollowGoals.Progress p) {
            var g = p.goal();
            return new GoalResponse(g.id(), g.metric(), g.firstDay(), g.lastDay(), g.team(), g.sellerId(), g.campaign(), g.target(),
                    p.measuredTo(), p.daysGone(), p.days(), p.reached(), p.percentOfTarget(), p.forecast(), g.version());
        }
    }

    @Post
    @Operation(operationId = "setGoal", summary = "Manager: set a target for a period (at most a year) for a team, a seller or everyone: "
            + "REVENUE (net invoiced, øre), NEW_CUSTOMERS, ACTIVITIES (counts), CONVERSION or MAILOUT_RETURN_RATE (percent; a mail-out "
            + "goal names its campaign)")
    public HttpResponse<GoalResponse> create(@Body @Valid GoalRequest body, Authentication auth) {
        var goal = set.set(Actors.of(auth), body.terms());
        var progress = follow.one(Actors.of(auth), goal.id());
        return Versions.tagged(HttpResponse.created(GoalResponse.of(progress), URI.create("/api/v1/goals/" + goal.id())), goal.version());
    }

    @Get
    @Operation(operationId = "listGoals", summary = "The goals whose period overlaps `from`–`to` (default today), each with what it has "
            + "reached so far, that in percent of its target, and a forecast to its last day (counts and revenue at the pace so far; "
            + "rates as they stand)")
    public List<GoalResponse> list(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        return follow.execute(Actors.of(auth), from, to).stream().map(GoalResponse::of).toList();
    }

    @Get("/{id}")
    @Operation(operationId = "getGoal", summary = "A goal with its progress")
    public HttpResponse<GoalResponse> get(long id, Authentication auth) {
        var progress = follow.one(Actors.of(auth), id);
        return Versions.tagged(HttpResponse.ok(GoalResponse.of(progress)), progress.goal().version());
    }

    @Put("/{id}")
    @Operation(operationId = "changeGoal", summary = "Manager: change a goal; needs If-Match")
    public HttpResponse<GoalResponse> change(long id, HttpRequest<?> request, @Body @Valid GoalRequest body, Authentication auth) {
        var goal = set.change(Actors.of(auth), id, Versions.expected(request), body.terms());
        return Versions.tagged(HttpResponse.ok(GoalResponse.of(follow.one(Actors.of(auth), id))), goal.version());
    }

    @Delete("/{id}")
    @Operation(operationId = "removeGoal", summary = "Manager: remove a goal; needs If-Match")
    public HttpResponse<Void> remove(long id, HttpRequest<?> request, Authentication auth) {
        set.remove(Actors.of(auth), id, Versions.expected(request));
        return HttpResponse.noContent();
    }
}
