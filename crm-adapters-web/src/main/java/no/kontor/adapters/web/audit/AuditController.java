package no.kontor.adapters.web.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.audit.ReadAuditLog;
import no.kontor.application.audit.VerifyAuditLog;
import no.kontor.application.audit.AuditRecord;
import no.kontor.application.audit.AuditQuery;
import no.kontor.application.audit.AuditHead;

@Controller("/api/v1/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
public class AuditController {
    private final ReadAuditLog read;
    private final VerifyAuditLog verify;

    public AuditController(ReadAuditLog read, VerifyAuditLog verify) {
        this.read = read;
        this.verify = verify;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EntryResponse(long seq, OffsetDateTime at, String actor, String recordType, String recordId, String action,
                                Map<String, Object> changes) {
        static EntryResponse of(AuditRecord r) {
            return new EntryResponse(r.seq(), Times.oslo(r.at()), r.actor(), r.recordType(), r.recordId(), r.action(), r.changes());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HeadResponse(long seq, String hash) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VerificationResponse(boolean valid, long checked, @Nullable Long firstBroken, @Nullable String reason,
                                       HeadResponse head, boolean truncated) {
    }

    /** The head exported earlier by {@code GET /audit/head}; {@code seq} is taken for {@code sequence}, so it pastes as is. */
    @Serdeable
    public record ExpectedHead(@NotNull @PositiveOrZero @JsonAlias("seq") Long sequence,
                               @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String hash) {
    }

    @Serdeable
    @Schema(example = "{\"expectedHead\": {\"sequence\": 1042, \"hash\": \"9f2c000000000000000000000000000000000000000000000000000000000000\"}}")
    public record VerifyRequest(@Nullable @Valid ExpectedHead expectedHead) {
    }

    @Get
    @Operation(operationId = "searchAuditLog", summary = "The log, newest first, by actor (user:<id>), time (from inclusive, to exclusive) and record type")
    public PageResponse<EntryResponse> search(@QueryValue @Nullable String actor, @QueryValue @Nullable OffsetDateTime from,
                                              @QueryValue @Nullable OffsetDateTime to, @QueryValue @Nullable String recordType,
                                              @QueryValue(defaultValue = "50") int limit, @QueryValue @Nullable String cursor,
                                              Authentication auth) {
        var page = read.search(Actors.of(auth), new AuditQuery(actor, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), recordType, limit, cursor));
        return new PageResponse<>(page.items().stream().map(EntryResponse::of).toList(), page.nextCursor());
    }

    @Get("/records/{type}/{id}")
    @Operation(operationId = "getRecordHistory", summary = "The history of any record, oldest first")
    public PageResponse<EntryResponse> history(String type, String id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(read.history(Actors.of(auth), type, id, cursor, limit), EntryResponse::of);
    }

    @Post("/verify")
    @Operation(operationId = "verifyAuditLog", summary = "Manager/admin: walk the chain in one snapshot and name the first entry that does not verify; "
            + "with expectedHead (the head exported earlier) a cut-off tail is found too (truncated: true)")
    public VerificationResponse verify(@Body @Nullable @Valid VerifyRequest body, Authentication auth) {
        var expected = body == null || body.expectedHead() == null ? null
                : new AuditHead(body.expectedHead().sequence(), body.expectedHead().hash());
        var v = verify.verify(Actors.of(auth), expected);
        return new VerificationResponse(v.valid(), v.checked(), v.firstBroken(), v.reason(),
                new HeadResponse(v.head().seq(), v.head().hash()), v.truncated());
    }

    @Get("/head")
    @Operation(operationId = "getAuditHead", summary = "Manager/admin: the chain's head, to keep outside Kontor")
    public HeadResponse head(Authentication auth) {
        var h = verify.head(Actors.of(auth));
        return new HeadResponse(h.seq(), h.hash());
    }
}
