package no.kontor.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Plain SQL for the read side and for what Micronaut Data cannot say (row locks on
 * one-row tables, ranges, similarity). Runs on the connection of the current
 * transaction, or a fresh one when there is none.
 */
@Singleton
public class Jdbc {
    private final JdbcOperations operations;

    public Jdbc(JdbcOperations operations) {
        this.operations = operations;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface StatementWork<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    public <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        return withStatement(sql, params, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    /**
     * The rows one by one to {@code sink} as PostgreSQL sends them, {@code fetchSize} at a time
     * (inside a transaction, so the driver uses a cursor): a million rows never sit in memory.
     */
    public <T> long stream(String sql, List<?> params, int fetchSize, RowMapper<T> mapper, java.util.function.Consumer<T> sink) {
        return withStatement(sql, params, ps -> {
            ps.setFetchSize(fetchSize);
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(mapper.map(rs));
                    rows++;
                }
            }
            return rows;
        });
    }

    public int update(String sql, List<?> params) {
        return withStatement(sql, params, PreparedStatement::executeUpdate);
    }

    public <T> T withStatement(String sql, List<?> params, StatementWork<T> work) {
        return operations.execute((Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    bind(ps, i + 1, params.get(i));
                }
                return work.run(ps);
            }
        });
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setTimestamp(index, Timestamp.from(instant));
        } else {
            ps.setObject(index, value);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
