package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.shared.Text;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.reporting.FollowGoals;
import no.kontor.application.reporting.SetGoals;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.reporting.GoalMetric;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.ValidationException;

/**
 * Goals in the staff pages: every member of staff follows their progress over a period
 * (FollowGoals, as a chart and a table); a manager sets a goal for a team, a seller or
 * everyone (SetGoals). A revenue target is typed in kroner and kept in øre, as the API keeps it.
 */
@Controller("/ui/reports/goals")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class GoalPagesController {
    private static final int MAX_TYPED = 100;
    private static final List<String> FIELDS = List.of("metric", "firstDay", "lastDay", "team", "sellerId", "campaign", "target");

    private final FollowGoals follow;
    private final SetGoals set;
    private final ManageStaff staff;

    public GoalPagesController(FollowGoals follow, SetGoals set, ManageStaff staff) {
        this.follow = follow;
        this.set = set;
        this.staff = staff;
    }

    @Get
    public HttpResponse<?> goals(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, ReportPagesController.SECTION, (actor, model) -> page(actor, request, model, HttpStatus.OK));
    }

    private HttpResponse<?> page(Actor actor, HttpRequest<?> request, Map<String, Object> model, HttpStatus status) {
        var empty = new HashMap<String, String>();
        FIELDS.forEach(f -> empty.put(f, ""));
        model.putIfAbsent("typed", empty); // the form's fields as typed: empty until a refusal shows them back
        var users = staff.list(actor, null, 100).items();
        var names = new HashMap<Long, String>();
        users.forEach(u -> names.put(u.getId(), u.getDisplayName()));
        var collator = java.text.Collator.getInstance(ReportPeriodForm.NB);
        model.put("sellers", users.stream().filter(u -> u.isActive()).sorted((a, b) -> collator.compare(a.getDisplayName(), b.getDisplayName()))
                .map(u -> Map.of("id", u.getId(), "name", u.getDisplayName())).toList());
        model.put("metrics", java.util.Arrays.stream(GoalMetric.values()).map(m -> Map.of("value", m.name(), "label", ReportPanels.metric(m)
                + (m == GoalMetric.REVENUE ? " (kroner)" : m.isRate() ? " (prosent)" : " (antall)"))).toList());
        var response = ReportPagesController.periodPage(request, model, "ui/goals", period -> {
            var panel = ReportPanels.goals(period.from(), period.to(), follow.execute(actor, period.from(), period.to()), names);
            return List.of(Boolean.TRUE.equals(model.get("manager"))
                    ? panel.withExport("/ui/reports/kpis/maal/export.csv?" + period.query()) : panel);
        });
        return status == HttpStatus.OK ? response : Pages.view(status, "ui/goals", model);
    }

    /** A manager sets a goal; a form that does not hold is shown again with what was typed and why ({@code 400}). */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> setGoal(@Nullable @Body Map<String, String> sent, @Nullable Authentication auth, HttpRequest<?> request) {
        var form = sent == null ? Map.<String, String>of() : sent; // an empty body is a form without fields
        return Pages.form(auth, request, form, ReportPagesController.SECTION, (actor, model) -> {
            try {
                var terms = terms(form);
                set.set(actor, terms);
                return Pages.redirect("/ui/reports/goals?from=" + terms.firstDay() + "&to=" + terms.lastDay());
            } catch (ValidationException | InvalidValueException e) {
                model.put("formError", Pages.explain(e));
                var typed = new HashMap<String, String>();
                for (var field : FIELDS) {
                    String v = form.getOrDefault(field, "");
                    typed.put(field, v.length() > MAX_TYPED ? v.substring(0, MAX_TYPED) : v);
                }
                model.put("typed", typed);
                return page(actor, request, model, HttpStatus.BAD_REQUEST);
            }
        });
    }

    private static Goal.Terms terms(Map<String, String> form) {
        for (var field : FIELDS) {
            String v = form.getOrDefault(field, "");
            if (v.length() > MAX_TYPED) {
                throw new InvalidValueException("ui.too-long", "Et felt er for langt (høyst " + MAX_TYPED + " tegn).");
            }
            String refused = Text.refusal(v, false);
            if (refused != null) {
                throw new InvalidValueException("ui.text-invalid", "Teksten inneholder et kontrolltegn eller et annet tegn som ikke kan brukes.");
            }
        }
        GoalMetric metric;
        try {
            metric = GoalMetric.valueOf(form.getOrDefault("metric", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("goal.metric-missing", "Velg hva målet måler.");
        }
        Long seller = null;
        String sellerId = form.getOrDefault("sellerId", "").strip();
        if (!sellerId.isEmpty()) {
            try {
                seller = Long.valueOf(sellerId);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("goal.seller-unknown", "Velg en selger fra listen.");
            }
        }
        var target = target(form.getOrDefault("target", ""), metric);
        return new Goal.Terms(metric, Pages.date(form.get("firstDay")), Pages.date(form.get("lastDay")), form.get("team"), seller,
                form.get("campaign"), target);
    }

    /** The target as typed ({@code 150 000}, {@code 12,5}); revenue in kroner becomes øre. Null when blank (the rule says it is missing). */
    static BigDecimal target(String typed, GoalMetric metric) {
        String t = typed.replace("\u00a0", "").replace(" ", "").replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            var value = new BigDecimal(t);
            return metric == GoalMetric.REVENUE ? value.movePointRight(2) : value;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("goal.target-invalid", "Målet må være et tall.");
        }
    }
}
