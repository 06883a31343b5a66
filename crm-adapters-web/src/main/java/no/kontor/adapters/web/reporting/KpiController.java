package no.kontor.adapters.web.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.reporting.FreshnessBand;
import no.kontor.application.reporting.Kpis;
import no.kontor.domain.shared.ValidationException;

/** The KPIs every member of staff reads: periods are Europe/Oslo dates, both included, at most a year. */
@Controller("/api/v1/kpis")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "KPIs")
public class KpiController {
    private final Kpis kpis;

    public KpiController(Kpis kpis) {
        this.kpis = kpis;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TeamBandsResponse(@Nullable String team, Map<FreshnessBand, Long> customers, long total) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FreshnessResponse(OffsetDateTime asOf, List<TeamBandsResponse> teams, Map<FreshnessBand, Long> all) {
        static FreshnessResponse of(Kpis.Freshness f) {
            return new FreshnessResponse(Times.oslo(f.asOf()), f.teams().stream()
                    .map(t -> new TeamBandsResponse(t.team(), t.customers(), t.total())).toList(), f.all());
        }
    }

    @Get("/freshness")
    @Operation(operationId = "getFreshness", summary = "Relationship freshness now: customers per team of their responsible seller "
            + "(null: none) in bands of days since their last contact (UP_TO_30, DAYS_31_TO_90, DAYS_91_TO_180, OVER_180, NEVER); "
            + "a note is no contact")
    public FreshnessResponse freshness(Authentication auth) {
        return FreshnessResponse.of(kpis.freshness(Actors.of(auth)));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SilentResponse(long companyId, String name, @Nullable Long responsibleSellerId, @Nullable String responsibleSeller,
                                 @Nullable String team, @Nullable OffsetDateTime lastContactAt, @Nullable Long daysSilent) {
    }

    @Get("/silent-customers")
    @Operation(operationId = "listSilentCustomers", summary = "Customers not contacted for more than `days` days (default 180, 0–3650) "
            + "or never, the longest silent first, with their responsible seller; at most `limit` (default 100, 1–1000)")
    public List<SilentResponse> silent(@Nullable @QueryValue Integer days, @Nullable @QueryValue Integer limit, Authentication auth) {
        return kpis.silentCustomers(Actors.of(auth), days, limit).stream().map(s -> new SilentResponse(s.companyId(), s.name(),
                s.responsibleSellerId(), s.responsibleSeller(), s.team(), s.lastContactAt() == null ? null : Times.oslo(s.lastContactAt()),
                s.daysSilent())).toList();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ShareResponse(@Nullable String team, long outbound, long answered, @Nullable BigDecimal percent) {
        static ShareResponse of(Kpis.TeamShare s) {
            return new ShareResponse(s.team(), s.outbound(), s.answered(), s.percent());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EngagementResponse(LocalDate from, LocalDate to, int answerDays, List<ShareResponse> answeredByTeam, ShareResponse answered,
                                     @Nullable BigDecimal activitiesPerWonSale, @Nullable BigDecimal activitiesPerLostSale, long wonSales,
                                     long lostSales, long unsubscribedInPeriod, long unsubscribedTotal) {
        static EngagementResponse of(Kpis.Engagement e) {
            return new EngagementResponse(e.from(), e.to(), e.answerDays(), e.answeredByTeam().stream().map(ShareResponse::of).toList(),
                    ShareResponse.of(e.answered()), e.activitiesPerWonSale(), e.activitiesPerLostSale(), e.wonSales(), e.lostSales(),
                    e.unsubscribedInPeriod(), e.unsubscribedTotal());
        }
    }

    @Get("/engagement")
    @Operation(operationId = "getEngagement", summary = "Quality of engagement from `from` to `to`: the share of outbound contacts an "
            + "inbound contact from the same company answered within `answerDays` (default 7, 1–90), per team of who made them; "
            + "activities on the company per sale won (ordered) or lost in the period; contacts unsubscribed in the period and in all")
    public EngagementResponse engagement(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                         @Nullable @QueryValue Integer answerDays, Authentication auth) {
        return EngagementResponse.of(kpis.engagement(Actors.of(auth), from, to, answerDays));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TimesResponse(@Nullable String team, long answered, long unanswered, @Nullable Long medianSeconds,
                                @Nullable Long p90Seconds) {
        static TimesResponse of(Kpis.Times t) {
            return new TimesResponse(t.team(), t.answered(), t.unanswered(), seconds(t.median()), seconds(t.p90()));
        }

        private static Long seconds(Duration d) {
            return d == null ? null : d.toSeconds();
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResponseTimesResponse(LocalDate from, LocalDate to, boolean businessHours, TimesResponse all, List<TimesResponse> teams) {
        static ResponseTimesResponse of(Kpis.ResponseTimes r) {
            return new ResponseTimesResponse(r.from(), r.to(), r.businessHours(), TimesResponse.of(r.all()),
                    r.teams().stream().map(TimesResponse::of).toList());
        }
    }

    @Get("/response-times")
    @Operation(operationId = "getResponseTimes", summary = "From each inbound contact from `from` to `to` to the next outbound one on the "
            + "same company: median and 90th percentile in seconds, overall and per team of who answered; `businessHours=true` counts "
            + "only Monday–Friday 08–16 Oslo time")
    public ResponseTimesResponse responseTimes(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                               @Nullable @QueryValue String businessHours, Authentication auth) {
        return ResponseTimesResponse.of(kpis.responseTimes(Actors.of(auth), from, to, flag(businessHours, "businessHours")));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConversionResponse(@Nullable String team, @Nullable Long sellerId, long opened, long offered, long ordered,
                                     @Nullable BigDecimal leadToOrdered, @Nullable BigDecimal offeredToOrdered) {
        static ConversionResponse of(Kpis.Conversion c) {
            return new ConversionResponse(c.team(), c.sellerId(), c.opened(), c.offered(), c.ordered(), c.leadToOrdered(), c.offeredToOrdered());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConversionsResponse(LocalDate from, LocalDate to, List<ConversionResponse> bySeller, List<ConversionResponse> byTeam,
                                      ConversionResponse all) {
        static ConversionsResponse of(Kpis.Conversions c) {
            return new ConversionsResponse(c.from(), c.to(), c.bySeller().stream().map(ConversionResponse::of).toList(),
                    c.byTeam().stream().map(ConversionResponse::of).toList(), ConversionResponse.of(c.all()));
        }
    }

    @Get("/conversion")
    @Operation(operationId = "getConversion", summary = "Of the sales opened from `from` to `to`: lead → ordered and offered → ordered "
            + "in percent, per seller, per team (the team the sale recorded when opened) and overall")
    public ConversionsResponse conversion(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, Authentication auth) {
        return ConversionsResponse.of(kpis.conversion(Actors.of(auth), from, to));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StepResponse(String stage, long sales, @Nullable BigDecimal percentOfOpened, @Nullable BigDecimal dropOffFromPrevious) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FunnelResponse(LocalDate from, LocalDate to, @Nullable String team, List<StepResponse> steps, long lost, long cancelled) {
        static FunnelResponse of(Kpis.Funnel f) {
            return new FunnelResponse(f.from(), f.to(), f.team(), f.steps().stream()
                    .map(s -> new StepResponse(s.stage(), s.sales(), s.percentOfOpened(), s.dropOffFromPrevious())).toList(), f.lost(),
                    f.cancelled());
        }
    }

    @Get("/funnel")
    @Operation(operationId = "getFunnel", summary = "For the sales opened from `from` to `to` (of `team`, or all): how many reached each "
            + "stage from the stage history (a skipped stage counts as passed) and the drop-off between stages in percent")
    public FunnelResponse funnel(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, @Nullable @QueryValue String team,
                                 Authentication auth) {
        return FunnelResponse.of(kpis.funnel(Actors.of(auth), from, to, team));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MailOutResponse(String campaign, int answerDays, long reached, long answered, @Nullable BigDecimal percent) {
    }

    @Get("/mail-out")
    @Operation(operationId = "getMailOutReturn", summary = "A mail-out's return rate: of the recipients of the outbound activities "
            + "tagged `campaign` (their contacts, or the company where none was named), the share who answered inbound within "
            + "`answerDays` (default 7, 1–90) of the first mail")
    public MailOutResponse mailOut(@Nullable @QueryValue String campaign, @Nullable @QueryValue Integer answerDays, Authentication auth) {
        var m = kpis.mailOut(Actors.of(auth), campaign, answerDays);
        return new MailOutResponse(m.campaign(), m.answerDays(), m.reached(), m.answered(), m.percent());
    }

    /** A yes/no query value: absent is no; anything but true or false is refused (Micronaut would read it as false). */
    private static boolean flag(String value, String name) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ValidationException(name, "request.flag-invalid", name + " is true or false");
    }
}
