package no.kontor.adapters.web.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.InvalidValueException;

/**
 * The report pages' period chooser: {@code from} and {@code to} as typed (dd.mm.yyyy or ISO),
 * or a {@code month} (yyyy-mm or mm.yyyy), by default this month (Europe/Oslo). A value that
 * is not a date or a month is refused with the form's error; the period's rules (in order, at
 * most a year) are the use cases' own.
 */
record ReportPeriodForm(LocalDate from, LocalDate to, String month) {
    static final Locale NB = Locale.forLanguageTag("nb-NO");
    private static final int MAX_TYPED = 40;

    /** The period a page's query asks for; a month wins over from/to. */
    static ReportPeriodForm of(HttpRequest<?> request) {
        String month = param(request, "month");
        String from = param(request, "from");
        String to = param(request, "to");
        if (month != null) {
            var m = month(month);
            return new ReportPeriodForm(m.atDay(1), m.atEndOfMonth(), m.toString());
        }
        if (from == null && to == null) {
            var m = YearMonth.from(today());
            return new ReportPeriodForm(m.atDay(1), m.atEndOfMonth(), m.toString());
        }
        var f = Pages.date(limited(from));
        var t = Pages.date(limited(to));
        String whole = f != null && t != null && f.getDayOfMonth() == 1 && t.equals(YearMonth.from(f).atEndOfMonth())
                ? YearMonth.from(f).toString() : null;
        return new ReportPeriodForm(f, t, whole);
    }

    static LocalDate today() {
        return BusinessDays.dayOf(java.time.Instant.now());
    }

    /** A month as a form sends it: {@code 2026-11} (the chooser's value) or {@code 11.2026}. */
    static YearMonth month(String typed) {
        String t = limited(typed).strip();
        try {
            return t.contains(".") ? YearMonth.parse(t, DateTimeFormatter.ofPattern("M.uuuu")) : YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("ui.month", "«" + t + "» er ikke en måned (mm.åååå).");
        }
    }

    private static String limited(String typed) {
        if (typed != null && typed.length() > MAX_TYPED) {
            throw new InvalidValueException("ui.date", "Datoen er for lang.");
        }
        return typed;
    }

    /** A query parameter, stripped; null when absent or blank. */
    static String param(HttpRequest<?> request, String name) {
        String v = request.getParameters().get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The query that asks for this period again (for export links and paging). */
    String query() {
        return month != null ? "month=" + month : "from=" + from + "&to=" + to;
    }

    /** What the period chooser shows: the days as typed back, the month list and which month is chosen. */
    void into(Map<String, Object> model) {
        model.put("from", from == null ? "" : from.format(Pages.NORWEGIAN));
        model.put("to", to == null ? "" : to.format(Pages.NORWEGIAN));
        model.put("periodQuery", query());
        model.put("periodText", from == null || to == null ? "" : from.format(Pages.NORWEGIAN) + "–" + to.format(Pages.NORWEGIAN));
        model.put("months", months(month));
    }

    /** The form as typed, after a refusal: shown back with the error, no figures. */
    static void refused(HttpRequest<?> request, Map<String, Object> model, String error) {
        model.put("from", typed(param(request, "from")));
        model.put("to", typed(param(request, "to")));
        model.put("months", months(null));
        model.put("periodError", error);
    }

    private static String typed(String v) {
        return v == null ? "" : v.length() > MAX_TYPED ? v.substring(0, MAX_TYPED) : v;
    }

    /** The last 24 months, newest first, for the month chooser. */
    static List<Map<String, Object>> months(String chosen) {
        var list = new ArrayList<Map<String, Object>>();
        var m = YearMonth.from(today());
        for (int i = 0; i < 24; i++, m = m.minusMonths(1)) {
            var option = new HashMap<String, Object>();
            option.put("value", m.toString());
            option.put("label", m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, NB) + " " + m.getYear());
            option.put("selected", m.toString().equals(chosen));
            list.add(option);
        }
        return list;
    }
}
