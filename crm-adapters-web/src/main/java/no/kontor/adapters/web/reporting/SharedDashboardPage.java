package no.kontor.adapters.web.reporting;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A published dashboard as a plain HTML page for a frame in another tool: each figure as
 * nested tables of the same fields its JSON has. Every text is escaped; the page has no
 * script and no style of its own (its Content-Security-Policy forbids both).
 */
final class SharedDashboardPage {
    private SharedDashboardPage() {
    }

    static String render(String name, List<FigureResponse> figures) {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(name)).append("</title></head><body><main><h1>").append(escape(name)).append("</h1>");
        for (var f : figures) {
            html.append("<section><h2>").append(escape(f.kind().name()));
            if (f.from() != null) {
                html.append(" ").append(f.from()).append("–").append(f.to());
            }
            html.append("</h2>");
            value(html, f);
            html.append("</section>");
        }
        return html.append("</main></body></html>\n").toString();
    }

    private static void value(StringBuilder html, Object v) {
        if (v == null) {
            html.append("–");
        } else if (v instanceof Record r) {
            html.append("<table>");
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object field = read(c, r);
                if (field == null && r instanceof FigureResponse) {
                    continue;
                }
                html.append("<tr><th scope=\"row\">").append(escape(c.getName())).append("</th><td>");
                value(html, field);
                html.append("</td></tr>");
            }
            html.append("</table>");
        } else if (v instanceof Collection<?> list) {
            html.append("<ol>");
            for (Object item : list) {
                html.append("<li>");
                value(html, item);
                html.append("</li>");
            }
            html.append("</ol>");
        } else if (v instanceof Map<?, ?> map) {
            html.append("<table>");
            map.forEach((k, x) -> {
                html.append("<tr><th scope=\"row\">").append(escape(String.valueOf(k))).append("</th><td>");
                value(html, x);
                html.append("</td></tr>");
            });
            html.append("</table>");
        } else {
            html.append(escape(String.valueOf(v)));
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("a response record's field is always readable", e);
        }
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
