package no.kontor.adapters.web.ui;

import java.util.List;

/**
 * One figure on a report page: a heading, its chart's data (drawn by charts.js), the same
 * numbers as a table with a caption (a chart alone is not accessible) and, for managers, the
 * link to its CSV file.
 *
 * @param id     the section's id (unique on the page)
 * @param export the CSV link, or null when the reader may not take the figure away
 */
public record ReportPanel(String id, String title, String note, String chart, Table table, String export) {

    /** A table: the first cell of each row is its heading ({@code th scope=row}). */
    public record Table(String caption, List<String> columns, List<Row> rows, List<Row> footer) {
    }

    public record Row(String head, List<String> cells) {
    }

    ReportPanel withExport(String href) {
        return new ReportPanel(id, title, note, chart, table, href);
    }
}
