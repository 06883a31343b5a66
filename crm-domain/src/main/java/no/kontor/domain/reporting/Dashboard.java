package no.kontor.domain.reporting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.kontor.domain.shared.Validator;

/** A saved set of KPIs and reports with their filters (1–20 widgets), which a manager may publish as read-only links. */
public record Dashboard(Long id, String name, List<Widget> widgets, String createdBy, Instant createdAt, String changedBy, Instant changedAt,
                        long version) {
    public static final int MAX_WIDGETS = 20;

    public Dashboard {
        widgets = widgets == null ? null : List.copyOf(widgets);
    }

    public static Dashboard create(String name, List<Widget> widgets, String by, Instant at) {
        var n = check(name, widgets);
        return new Dashboard(null, n, widgets, by, at, by, at, 0);
    }

    public Dashboard changedTo(String name, List<Widget> widgets, String by, Instant at) {
        var n = check(name, widgets);
        return new Dashboard(id, n, widgets, createdBy, createdAt, by, at, version);
    }

    private static String check(String name, List<Widget> widgets) {
        String n = name == null ? null : name.strip();
        new Validator()
                .require(n != null && !n.isEmpty() && n.length() <= 200, "name", "dashboard.name", "A dashboard's name is 1–200 characters")
                .require(widgets != null && !widgets.isEmpty() && widgets.size() <= MAX_WIDGETS, "widgets", "dashboard.widgets",
                        "A dashboard shows 1–" + MAX_WIDGETS + " widgets")
                .throwIfInvalid();
        return n;
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", name);
        m.put("widgets", widgets.stream().map(w -> w.kind().name()).toList().toString());
        return m;
    }
}
