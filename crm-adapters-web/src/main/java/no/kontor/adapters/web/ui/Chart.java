package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's data for {@code public/ui/charts.js}, as the JSON it reads from the chart's
 * {@code data-chart} attribute: bars (categories and series, stacked or side by side,
 * horizontal or upright) or a funnel. The page prints it with {@code th:attr}, so it is
 * HTML-escaped in the attribute and the browser hands the script the JSON as written.
 */
final class Chart {
    private final Map<String, Object> spec = new LinkedHashMap<>();

    private Chart(String type, String unit) {
        spec.put("type", type);
        spec.put("unit", unit);
    }

    /** One series of bars: a name and a value per category (null: none). */
    record Series(String name, List<Number> data) {
    }

    static Chart bars(List<String> categories, List<Series> series, String unit) {
        var c = new Chart("bar", unit);
        c.spec.put("categories", categories);
        var list = new ArrayList<Map<String, Object>>();
        for (var s : series) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", s.name());
            m.put("data", s.data());
            list.add(m);
        }
        c.spec.put("series", list);
        return c;
    }

    static Chart funnel(List<String> names, List<Number> values) {
        var c = new Chart("funnel", "");
        var data = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < names.size(); i++) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", names.get(i));
            m.put("value", values.get(i));
            data.add(m);
        }
        c.spec.put("data", data);
        return c;
    }

    Chart stacked() {
        spec.put("stacked", true);
        return this;
    }

    Chart horizontal() {
        spec.put("horizontal", true);
        return this;
    }

    /** An amount in øre as kroner for an axis (two decimals). */
    static BigDecimal kroner(Long ore) {
        return ore == null ? null : BigDecimal.valueOf(ore, 2);
    }

    String json() {
        var out = new StringBuilder();
        write(out, spec);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else if (v instanceof BigDecimal b) {
            out.append(b.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else {
            string(out, v.toString());
        }
    }

    /** A JSON string; {@code < > &} too are written as escapes, so the JSON is safe wherever it lands. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == '\u2028' || ch == '\u2029') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
