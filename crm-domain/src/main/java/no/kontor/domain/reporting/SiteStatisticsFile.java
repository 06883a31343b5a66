package no.kontor.domain.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import no.kontor.domain.shared.ValidationException;

/**
 * A news site's statistics file: CSV in UTF-8 (a byte-order mark is allowed), a header
 * {@code date;channel;articles;page_views} (or with commas), then one line per day and
 * channel. A date is {@code yyyy-mm-dd} or {@code dd.mm.yyyy}; articles and page views are
 * whole numbers, never negative (a space or a dot as thousands separator is refused, not
 * guessed). The file is taken whole or refused whole: every bad line is named with its
 * number and reason (at most {@value #MAX_ERRORS} of them), and a day and channel may appear once.
 */
public final class SiteStatisticsFile {
    public static final int MAX_ERRORS = 20;
    public static final int MAX_LINES = 200_000;
    private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> HEADER = List.of("date", "channel", "articles", "page_views");

    private SiteStatisticsFile() {
    }

    public static List<SiteStatistic> parse(String text) {
        var errors = new ArrayList<ValidationException.FieldError>();
        String body = text.startsWith("\ufeff") ? text.substring(1) : text;
        var lines = body.split("\r?\n", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isBlank()) {
            count--;
        }
        if (count == 0) {
            throw new ValidationException("file", "site-statistics.empty", "The file holds no header and no lines");
        }
        if (count - 1 > MAX_LINES) {
            throw new ValidationException("file", "site-statistics.too-many-lines", "A file holds at most " + MAX_LINES + " lines");
        }
        String separator = lines[0].contains(";") ? ";" : ",";
        var header = List.of(lines[0].strip().toLowerCase().split(separator, -1)).stream().map(String::strip).toList();
        if (!header.equals(HEADER)) {
            throw new ValidationException("line 1", "site-statistics.header", "line 1: the header is date" + separator + "channel"
                    + separator + "articles" + separator + "page_views");
        }
        var rows = new ArrayList<SiteStatistic>();
        var seen = new HashSet<String>();
        for (int i = 1; i < count && errors.size() < MAX_ERRORS; i++) {
            int number = i + 1;
            var cells = lines[i].split(separator, -1);
            if (cells.length != 4) {
                errors.add(error(number, "site-statistics.cells", "has " + cells.length + " cells, expected 4"));
                continue;
            }
            var day = day(cells[0].strip());
            var channel = cells[1].strip();
            var articles = count(cells[2].strip());
            var views = count(cells[3].strip());
            if (day == null) {
                errors.add(error(number, "site-statistics.date", "'" + shown(cells[0]) + "' is no date (yyyy-mm-dd or dd.mm.yyyy)"));
            } else if (channel.isEmpty() || channel.length() > SiteStatistic.MAX_CHANNEL || channel.codePoints().anyMatch(Character::isISOControl)) {
                errors.add(error(number, "site-statistics.channel", "the channel is 1–" + SiteStatistic.MAX_CHANNEL + " characters"));
            } else if (articles == null) {
                errors.add(error(number, "site-statistics.articles", "'" + shown(cells[2]) + "' articles is no whole number ≥ 0"));
            } else if (views == null) {
                errors.add(error(number, "site-statistics.page-views", "'" + shown(cells[3]) + "' page views is no whole number ≥ 0"));
            } else if (!seen.add(day + "\u0000" + channel.toLowerCase())) {
                errors.add(error(number, "site-statistics.duplicate", day + " " + channel + " appears twice"));
            } else {
                rows.add(new SiteStatistic(day, channel, articles, views));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return rows;
    }

    private static ValidationException.FieldError error(int line, String code, String problem) {
        return new ValidationException.FieldError("line " + line, code, "line " + line + ": " + problem);
    }

    private static String shown(String cell) {
        var s = cell.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static LocalDate day(String cell) {
        try {
            return cell.contains(".") ? LocalDate.parse(cell, NORWEGIAN) : LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long count(String cell) {
        if (cell.isEmpty() || cell.length() > 15 || !cell.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(cell);
    }
}
