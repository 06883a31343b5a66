package no.kontor.adapters.persistence.reporting;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.reporting.port.SiteStatistics;
import no.kontor.domain.reporting.SiteStatistic;

/** The site statistics in PostgreSQL: a day's rows are deleted and written again in the caller's transaction. */
@Singleton
public class JdbcSiteStatistics implements SiteStatistics {
    private final Jdbc jdbc;

    public JdbcSiteStatistics(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long replaceDays(List<SiteStatistic> rows, String importedBy, Instant at) {
        var days = rows.stream().map(SiteStatistic::day).distinct().sorted().toList();
        long id = jdbc.query("INSERT INTO site_statistics_import (lines, days, first_day, last_day, imported_by, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                List.of(rows.size(), days.size(), days.get(0), days.get(days.size() - 1), importedBy, at), rs -> rs.getLong(1)).get(0);
        jdbc.withStatement("DELETE FROM site_statistic WHERE day = ANY (?)", List.of(), ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("date", days.stream().map(Date::valueOf).toArray()));
            return ps.executeUpdate();
        });
        jdbc.withStatement("INSERT INTO site_statistic (day, channel, articles, page_views, import_id) VALUES (?, ?, ?, ?, ?)", List.of(), ps -> {
            for (var row : rows) {
                ps.setObject(1, row.day());
                ps.setString(2, row.channel());
                ps.setLong(3, row.articles());
                ps.setLong(4, row.pageViews());
                ps.setLong(5, id);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        return id;
    }

    @Override
    public List<SiteStatistic> between(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT day, channel, articles, page_views FROM site_statistic WHERE day BETWEEN ? AND ? ORDER BY day, channel",
                List.of(from, to), rs -> new SiteStatistic(rs.getObject("day", LocalDate.class), rs.getString("channel"),
                        rs.getLong("articles"), rs.getLong("page_views")));
    }
}
