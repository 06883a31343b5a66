package no.kontor.adapters.persistence.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.reporting.port.Goals;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.reporting.GoalMetric;
import no.kontor.domain.shared.StaleVersionException;

/** Goals in PostgreSQL, written with their version as the optimistic lock. */
@Singleton
public class JdbcGoals implements Goals {
    private static final String COLUMNS = "id, metric, first_day, last_day, team, seller_id, campaign, target, created_by, created_at, "
            + "changed_by, changed_at, version";
    private final Jdbc jdbc;

    public JdbcGoals(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static Goal goal(ResultSet rs) throws SQLException {
        return new Goal(rs.getLong("id"), GoalMetric.valueOf(rs.getString("metric")), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), rs.getString("team"), Jdbc.nullableLong(rs, "seller_id"), rs.getString("campaign"),
                rs.getBigDecimal("target"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"), rs.getString("changed_by"),
                Jdbc.instant(rs, "changed_at"), rs.getLong("version"));
    }

    private static List<Object> values(Goal g) {
        return new ArrayList<>(Arrays.asList(g.metric().name(), g.firstDay(), g.lastDay(), g.team(), g.sellerId(), g.campaign(), g.target()));
    }

    @Override
    public Goal add(Goal g) {
        var params = values(g);
        params.addAll(List.of(g.createdBy(), g.createdAt(), g.changedBy(), g.changedAt()));
        return jdbc.query("INSERT INTO goal (metric, first_day, last_day, team, seller_id, campaign, target, created_by, created_at, changed_by, "
                + "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, params, JdbcGoals::goal).get(0);
    }

    @Override
    public Optional<Goal> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM goal WHERE id = ?", List.of(id), JdbcGoals::goal).stream().findFirst();
    }

    @Override
    public Goal update(Goal g) {
        var params = values(g);
        params.addAll(List.of(g.changedBy(), g.changedAt(), g.id(), g.version()));
        return jdbc.query("UPDATE goal SET metric = ?, first_day = ?, last_day = ?, team = ?, seller_id = ?, campaign = ?, target = ?, "
                        + "changed_by = ?, changed_at = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING " + COLUMNS,
                params, JdbcGoals::goal).stream().findFirst().orElseThrow(() -> new StaleVersionException("goal", g.id(), g.version()));
    }

    @Override
    public void delete(long id, long version) {
        if (jdbc.update("DELETE FROM goal WHERE id = ? AND version = ?", List.of(id, version)) == 0) {
            throw new StaleVersionException("goal", id, version);
        }
    }

    @Override
    public List<Goal> overlapping(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM goal WHERE last_day >= ? AND first_day <= ? ORDER BY first_day, id",
                List.of(from, to), JdbcGoals::goal);
    }
}
