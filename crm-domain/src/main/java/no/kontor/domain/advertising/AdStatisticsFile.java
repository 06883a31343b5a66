package no.kontor.domain.advertising;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import no.kontor.domain.shared.ValidationException;

/**
 * The ad server's daily statistics, as a CSV file taken from Revive Adserver's banner or zone
 * statistics broken down by day (see docs/decisions/ad-statistics-file.md): UTF-8 (a byte-order
 * mark is allowed), a header line, then one line per day and banner or zone.
 *
 * <p>The header names its columns, matched without regard to case, spaces, {@code _} or
 * {@code -}: {@code Day} (or {@code Date}), {@code Banner ID} or {@code Zone ID} (one of them,
 * never both), {@code Impressions} and {@code Clicks}; any other column (Revive's Requests,
 * Click-Through Ratio, Conversions, Revenue…) is read past and ignored. Cells are separated by
 * {@code ;} or {@code ,}, whichever the header uses more; a cell may be quoted ({@code ""} is a
 * quote inside it) but may not run over a line break. A day is {@code yyyy-mm-dd},
 * {@code dd.mm.yyyy} or {@code dd-mm-yyyy} (Revive's own, English); impressions and clicks are
 * whole numbers, never negative (a thousands separator or a decimal is refused, not guessed);
 * clicks may exceed impressions. An id is Revive's: a positive whole number.
 *
 * <p>The file is taken whole or refused whole: every bad line is named with its number and
 * reason (at most {@value #MAX_ERRORS} of them, then one "more" error), and a day and banner or
 * zone may appear once. The days the file covers are returned with its rows, since a re-import
 * of a day replaces that day.
 */
public record AdStatisticsFile(AdServerKey.Kind kind, List<AdStatistic> statistics, SortedSet<LocalDate> days) {
    public static final int MAX_ERRORS = 20;
    public static final int MAX_LINES = 1_000_000;
    public static final int MAX_FIELD = 100;
    public static final int MAX_LINE_LENGTH = 4_000;
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([.-])(\\d{1,2})\\2(\\d{4})");
    private static final String DAY = "day";
    private static final String BANNER = "bannerid";
    private static final String ZONE = "zoneid";
    private static final String IMPRESSIONS = "impressions";
    private static final String CLICKS = "clicks";
    private static final Map<String, String> NAMES = Map.of(DAY, "Day", BANNER, "Banner ID", ZONE, "Zone ID", IMPRESSIONS,
            "Impressions", CLICKS, "Clicks");

    public AdStatisticsFile {
        Objects.requireNonNull(kind, "kind");
        statistics = List.copyOf(statistics);
        days = Collections.unmodifiableSortedSet(new TreeSet<>(days));
    }

    /** The banners or zones the file has figures for, in the file's order. */
    public Set<AdServerKey> keys() {
        var keys = new LinkedHashSet<AdServerKey>();
        statistics.forEach(s -> keys.add(s.key()));
        return Collections.unmodifiableSet(keys);
    }

    public static AdStatisticsFile parse(String text) {
        Objects.requireNonNull(text, "text");
        String body = text.startsWith("\ufeff") ? text.substring(1) : text;
        var lines = body.split("\r\n|\n|\r", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isBlank()) {
            count--;
        }
        if (count == 0) {
            throw new ValidationException("file", "ad-statistics.empty", "The file holds no header and no lines");
        }
        if (count - 1 > MAX_LINES) {
            throw new ValidationException("file", "ad-statistics.too-many-lines", "A file holds at most " + MAX_LINES + " lines");
        }
        var columns = header(lines[0]);
        if (count == 1) {
            throw new ValidationException("file", "ad-statistics.no-rows", "The file holds a header but no lines of figures");
        }
        var kind = columns.containsKey(BANNER) ? AdServerKey.Kind.BANNER : AdServerKey.Kind.ZONE;
        int keyColumn = columns.get(kind == AdServerKey.Kind.BANNER ? BANNER : ZONE);
        int width = columns.get("");
        char separator = separator(lines[0]);
        var errors = new ArrayList<ValidationException.FieldError>();
        var rows = new ArrayList<AdStatistic>();
        var days = new TreeSet<LocalDate>();
        var seen = new HashMap<AdServerKeyOnDay, Integer>();
        for (int i = 1; i < count; i++) {
            int number = i + 1;
            ValidationException.FieldError problem;
            try {
                var row = row(lines[i], separator, width, columns, keyColumn, kind);
                Integer first = seen.putIfAbsent(new AdServerKeyOnDay(row.day(), row.key()), number);
                if (first != null) {
                    throw new BadLine("ad-statistics.duplicate", row.day() + " " + row.key() + " appears twice (first on line " + first + ")");
                }
                rows.add(row);
                days.add(row.day());
                continue;
            } catch (BadLine e) {
                problem = new ValidationException.FieldError("line " + number, e.code, "line " + number + ": " + e.getMessage());
            }
            if (errors.size() == MAX_ERRORS) {
                errors.add(new ValidationException.FieldError("file", "ad-statistics.more-errors",
                        "More lines are bad from line " + number + " on; only the first " + MAX_ERRORS + " are named"));
                break;
            }
            errors.add(problem);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AdStatisticsFile(kind, rows, days);
    }

    /** The columns by their normalised name, and the header's width under the name "". */
    private static Map<String, Integer> header(String line) {
        var errors = new ArrayList<ValidationException.FieldError>();
        List<String> names;
        try {
            names = cells(line, separator(line));
            for (int c = 0; c < names.size(); c++) {
                checkCell(names.get(c), c);
            }
        } catch (BadLine e) {
            throw new ValidationException("line 1", "ad-statistics.header", "line 1: " + e.getMessage());
        }
        var columns = new HashMap<String, Integer>();
        for (int c = 0; c < names.size(); c++) {
            var name = normalised(names.get(c));
            if (NAMES.containsKey(name) && columns.putIfAbsent(name, c) != null) {
                errors.add(headerError("ad-statistics.duplicate-column", "the column " + NAMES.get(name) + " appears twice"));
            }
        }
        for (var required : List.of(DAY, IMPRESSIONS, CLICKS)) {
            if (!columns.containsKey(required)) {
                errors.add(headerError("ad-statistics.missing-column", "the column " + NAMES.get(required) + " is missing"));
            }
        }
        if (columns.containsKey(BANNER) && columns.containsKey(ZONE)) {
            errors.add(headerError("ad-statistics.both-keys", "a file has a Banner ID or a Zone ID column, not both"));
        } else if (!columns.containsKey(BANNER) && !columns.containsKey(ZONE)) {
            errors.add(headerError("ad-statistics.missing-column", "the column Banner ID or Zone ID is missing"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        columns.put("", names.size());
        return columns;
    }

    private static ValidationException.FieldError headerError(String code, String problem) {
        return new ValidationException.FieldError("line 1", code, "line 1: " + problem);
    }

    private static String normalised(String name) {
        var s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        return s.equals("date") ? DAY : s;
    }

    private static AdStatistic row(String line, char separator, int width, Map<String, Integer> columns, int keyColumn,
                                   AdServerKey.Kind kind) throws BadLine {
        var cells = cells(line, separator);
        if (cells.size() != width) {
            throw new BadLine("ad-statistics.cells", "has " + cells.size() + " cells, expected " + width);
        }
        for (int c = 0; c < cells.size(); c++) {
            checkCell(cells.get(c), c);
        }
        var dayCell = cells.get(columns.get(DAY)).strip();
        var id = cells.get(keyColumn).strip();
        var impressionsCell = cells.get(columns.get(IMPRESSIONS)).strip();
        var clicksCell = cells.get(columns.get(CLICKS)).strip();
        var day = day(dayCell);
        if (day == null) {
            throw new BadLine("ad-statistics.day", "'" + shown(dayCell) + "' is no date (yyyy-mm-dd, dd.mm.yyyy or dd-mm-yyyy)");
        }
        if (!AdServerKey.isId(id)) {
            throw new BadLine("ad-statistics.id", "'" + shown(id) + "' is no " + kind.name().toLowerCase(Locale.ROOT)
                    + " id (a whole number from 1, at most " + AdServerKey.MAX_ID + " digits)");
        }
        var impressions = count(impressionsCell);
        if (impressions == null) {
            throw new BadLine("ad-statistics.impressions", "'" + shown(impressionsCell) + "' impressions is no whole number from 0 to "
                    + Long.MAX_VALUE);
        }
        var clicks = count(clicksCell);
        if (clicks == null) {
            throw new BadLine("ad-statistics.clicks", "'" + shown(clicksCell) + "' clicks is no whole number from 0 to " + Long.MAX_VALUE);
        }
        return new AdStatistic(day, new AdServerKey(kind, id), impressions, clicks);
    }

    private static void checkCell(String cell, int index) throws BadLine {
        if (cell.length() > MAX_FIELD) {
            throw new BadLine("ad-statistics.field-too-long", "cell " + (index + 1) + " is longer than " + MAX_FIELD + " characters");
        }
        if (cell.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadLine("ad-statistics.control-character", "cell " + (index + 1) + " holds a control character");
        }
    }

    /** {@code ;} if the header has more of them than of {@code ,} outside quotes, else {@code ,}. */
    private static char separator(String header) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** One line's cells; a quoted cell may hold the separator and {@code ""} for a quote, but not a line break. */
    private static List<String> cells(String line, char separator) throws BadLine {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new BadLine("ad-statistics.line-too-long", "is longer than " + MAX_LINE_LENGTH + " characters");
        }
        var cells = new ArrayList<String>();
        int i = 0;
        int n = line.length();
        while (true) {
            int start = i;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                var cell = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new BadLine("ad-statistics.quote", "cell " + (cells.size() + 1) + " opens a quote that is not closed on its line");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        cell.append(c);
                    } else if (i < n && line.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != separator) {
                    throw new BadLine("ad-statistics.quote", "cell " + (cells.size() + 1) + " has text after its closing quote");
                }
                cells.add(cell.toString());
            } else {
                int end = line.indexOf(separator, start);
                i = end < 0 ? n : end;
                cells.add(line.substring(start, i));
            }
            if (i >= n) {
                return cells;
            }
            i++;
        }
    }

    private static String shown(String cell) {
        return cell.length() > 40 ? cell.substring(0, 40) + "…" : cell;
    }

    private static LocalDate day(String cell) {
        try {
            var iso = ISO.matcher(cell);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            var dayFirst = DAY_FIRST.matcher(cell);
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(4)), Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(1)));
            }
            return null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Long count(String cell) {
        if (cell.isEmpty() || cell.length() > 19 || !cell.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record AdServerKeyOnDay(LocalDate day, AdServerKey key) {
    }

    /** A line's first problem: a stable code and a sentence. */
    private static final class BadLine extends Exception {
        private final String code;

        BadLine(String code, String problem) {
            super(problem, null, false, false);
            this.code = code;
        }
    }
}
