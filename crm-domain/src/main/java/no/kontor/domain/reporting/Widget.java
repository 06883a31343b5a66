package no.kontor.domain.reporting;

import no.kontor.domain.shared.Validator;

/**
 * One figure on a dashboard: which report or KPI, over which period, with which filters.
 * Only the filters its kind reads are kept; the rest must be absent.
 */
public record Widget(Kind kind, RelativePeriod period, String grain, String by, String team, Integer answerDays, Boolean businessHours) {

    public enum Kind {
        FRESHNESS(false), ENGAGEMENT(true), RESPONSE_TIMES(true), CONVERSION(true), FUNNEL(true), SALES(true), SITE_REVENUE(true),
        OCCUPANCY(true), GOALS(true);

        private final boolean periodic;

        Kind(boolean periodic) {
            this.periodic = periodic;
        }

        public boolean periodic() {
            return periodic;
        }
    }

    public Widget {
        team = team == null || team.isBlank() ? null : team.strip();
        new Validator().require(kind != null, "kind", "dashboard.widget-kind-missing", "A widget needs a kind").throwIfInvalid();
        boolean grained = kind == Kind.SALES || kind == Kind.SITE_REVENUE;
        new Validator()
                .require(kind.periodic() == (period != null), "period", "dashboard.widget-period",
                        kind.periodic() ? "A " + kind + " widget needs a period" : "A " + kind + " widget takes no period")
                .require(grained || grain == null, "grain", "dashboard.widget-grain", "Only SALES and SITE_REVENUE take a grain")
                .require(kind == Kind.SALES || by == null, "by", "dashboard.widget-by", "Only SALES takes by")
                .require(kind == Kind.FUNNEL || team == null, "team", "dashboard.widget-team", "Only FUNNEL takes a team")
                .require(team == null || team.length() <= 100, "team", "dashboard.widget-team-too-long", "A team is at most 100 characters")
                .require(kind == Kind.ENGAGEMENT || answerDays == null, "answerDays", "dashboard.widget-answer-days",
                        "Only ENGAGEMENT takes answerDays")
                .require(answerDays == null || (answerDays >= 1 && answerDays <= 90), "answerDays", "dashboard.widget-answer-days",
                        "answerDays is 1–90")
                .require(kind == Kind.RESPONSE_TIMES || businessHours == null, "businessHours", "dashboard.widget-business-hours",
                        "Only RESPONSE_TIMES takes businessHours")
                .throwIfInvalid();
    }
}
