package no.kontor.adapters.web.sale;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.sale.RegisterTime;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.TimeEntry;
import no.kontor.application.sale.TimeEntryFilter;

@Controller("/api/v1/time-entries")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sales")
public class TimeEntryController {
    private final RegisterTime registerTime;

    public TimeEntryController(RegisterTime registerTime) {
        this.registerTime = registerTime;
    }

    /** Hours on a sale; the hourly rate is in øre, VAT defaults to 25 %. */
    @Serdeable
    @Schema(example = "{\"saleId\": 12, \"workDate\": \"2026-12-02\", \"hours\": 2.5, \"description\": \"Utforming av annonse\", \"hourlyRate\": 95000, \"vatPercent\": 25}")
    public record TimeEntryRequest(@NotNull @EntityId Long saleId, @Nullable LocalDate workDate, @Nullable BigDecimal hours,
                                   @Nullable @Size(max = 400) String description, @NotNull Long hourlyRate,
                                   @Nullable BigDecimal vatPercent) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TimeEntryResponse(long id, long saleId, long staffUserId, LocalDate workDate, BigDecimal hours, String description,
                                    long lineId, OffsetDateTime createdAt) {
        static TimeEntryResponse of(TimeEntry e) {
            return new TimeEntryResponse(e.id(), e.saleId().value(), e.staffUserId(), e.workDate(), e.hours(), e.description(),
                    e.lineId(), Times.oslo(e.createdAt()));
        }
    }

    @Post
    @Operation(operationId = "registerTime", summary = "Register hours worked for a sale: they become an hour line of the sale at the hourly rate")
    public HttpResponse<TimeEntryResponse> register(@Body @Valid TimeEntryRequest body, Authentication auth) {
        var entry = registerTime.register(Actors.of(auth), new RegisterTime.Command(new SaleId(body.saleId()), body.workDate(),
                body.hours(), body.description(), body.hourlyRate(), body.vatPercent()));
        return HttpResponse.created(TimeEntryResponse.of(entry), URI.create("/api/v1/time-entries/" + entry.id()));
    }

    @Get("{?saleId,userId,from,to,cursor,limit}")
    @Operation(operationId = "listTimeEntries", summary = "Time entries by day: of a sale, of a user, between two days (inclusive)")
    public PageResponse<TimeEntryResponse> list(@Nullable @QueryValue @EntityId Long saleId, @Nullable @QueryValue @EntityId Long userId,
                                                @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "100") int limit,
                                                Authentication auth) {
        var page = registerTime.list(Actors.of(auth), new TimeEntryFilter(saleId == null ? null : new SaleId(saleId), userId, from,
                to), cursor, limit);
        return new PageResponse<>(page.items().stream().map(TimeEntryResponse::of).toList(), page.nextCursor());
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeTimeEntry", summary = "Remove a time entry and its line: its author or a manager, while the sale is open")
    public void remove(long id, Authentication auth) {
        registerTime.remove(Actors.of(auth), id);
    }
}
