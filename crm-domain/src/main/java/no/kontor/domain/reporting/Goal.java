package no.kontor.domain.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import no.kontor.domain.shared.Validator;

/**
 * A manager's target for a metric over a period (at most a year), for one team, one seller,
 * or everyone. A mail-out goal names its campaign. Revenue is in øre, counts are whole, rates
 * are percentages (0–100, two decimals at most).
 */
public record Goal(Long id, GoalMetric metric, LocalDate firstDay, LocalDate lastDay, String team, Long sellerId, String campaign,
                   BigDecimal target, String createdBy, Instant createdAt, String changedBy, Instant changedAt, long version) {
    public static final int MAX_DAYS = 366;

    /** What a manager sets; checked whole, every problem named. */
    public record Terms(GoalMetric metric, LocalDate firstDay, LocalDate lastDay, String team, Long sellerId, String campaign,
                        BigDecimal target) {

        public Terms {
            team = team == null || team.isBlank() ? null : team.strip();
            campaign = campaign == null || campaign.isBlank() ? null : campaign.strip();
            new Validator()
                    .require(metric != null, "metric", "goal.metric-missing", "A goal needs a metric")
                    .require(firstDay != null, "firstDay", "goal.first-day-missing", "A goal needs its first day")
                    .require(lastDay != null, "lastDay", "goal.last-day-missing", "A goal needs its last day")
                    .require(target != null, "target", "goal.target-missing", "A goal needs a target")
                    .throwIfInvalid();
            boolean whole = !metric.isRate();
            new Validator()
                    .require(!lastDay.isBefore(firstDay) && firstDay.plusDays(MAX_DAYS - 1L).compareTo(lastDay) >= 0, "lastDay",
                            "goal.period-invalid", "A goal covers 1–" + MAX_DAYS + " days from its first day")
                    .require(team == null || sellerId == null, "team", "goal.team-and-seller", "A goal is for a team or a seller, not both")
                    .require(team == null || team.length() <= 100, "team", "goal.team-too-long", "A team is at most 100 characters")
                    .require((metric == GoalMetric.MAILOUT_RETURN_RATE) == (campaign != null), "campaign", "goal.campaign",
                            "A mail-out goal names its campaign, and only it does")
                    .require(campaign == null || campaign.length() <= 100, "campaign", "goal.campaign-too-long",
                            "A campaign is at most 100 characters")
                    .require(target.signum() >= 0, "target", "goal.target-negative", "A target is never negative")
                    .require(!whole || target.stripTrailingZeros().scale() <= 0, "target", "goal.target-whole",
                            "A revenue (øre) or count target is a whole number")
                    .require(whole || (target.compareTo(BigDecimal.valueOf(100)) <= 0 && target.stripTrailingZeros().scale() <= 2),
                            "target", "goal.target-rate", "A rate target is a percentage, 0–100 with at most two decimals")
                    .require(target.compareTo(new BigDecimal("99999999999999")) <= 0, "target", "goal.target-too-large", "The target is too large")
                    .throwIfInvalid();
        }
    }

    public static Goal set(Terms t, String by, Instant at) {
        return new Goal(null, t.metric(), t.firstDay(), t.lastDay(), t.team(), t.sellerId(), t.campaign(), t.target(), by, at, by, at, 0);
    }

    public Goal changedTo(Terms t, String by, Instant at) {
        return new Goal(id, t.metric(), t.firstDay(), t.lastDay(), t.team(), t.sellerId(), t.campaign(), t.target(), createdBy, createdAt,
                by, at, version);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("metric", metric.name());
        m.put("firstDay", firstDay.toString());
        m.put("lastDay", lastDay.toString());
        m.put("team", team);
        m.put("sellerId", sellerId);
        m.put("campaign", campaign);
        m.put("target", target.toPlainString());
        return m;
    }
}
